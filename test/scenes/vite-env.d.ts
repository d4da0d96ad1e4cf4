// The station's art imports Twemoji files with Vite's `?url` suffix; vitest resolves them
// through Vite, and this gives the test type-check Vite's declarations for them.
/// <reference types="vite/client" />
