/**
 * The staff (admin) part of the bridge contract: PIN unlock, the panel's data, staff actions
 * and exports. Isomorphic like contract.ts: no Node, DOM or electron imports.
 *
 * Every call after unlock carries the short-lived `adminToken` the back office issued; the
 * back office checks it (and lets it expire after ADMIN_IDLE_MS without a call).
 */
import { z } from 'zod';

/** The panel closes itself after this long without input (issue 4). */
export const ADMIN_IDLE_MS = 2 * 60_000;
/** Wrong PINs before the pad locks, with a growing delay. */
export const ADMIN_MAX_ATTEMPTS = 5;

export const PinSchema = z.string().regex(/^\d{4,8}$/, 'the PIN is 4 to 8 digits');
export const AdminTokenSchema = z.string().min(16).max(128);
const withToken = { adminToken: AdminTokenSchema };

export const AdminStateSchema = z.object({
  /** False on first run: the pad asks staff to choose a PIN. */
  pinSet: z.boolean(),
  /** While locked after too many wrong PINs: until when (survives restarts). */
  lockedUntil: z.iso.datetime().nullable(),
  attemptsLeft: z.int().min(0),
});
export type AdminState = z.infer<typeof AdminStateSchema>;

export const AdminSessionSchema = z.object({ adminToken: AdminTokenSchema, expiresAt: z.iso.datetime() });

export const AdminUnlockResultSchema = z.discriminatedUnion('unlocked', [
  z.object({ unlocked: z.literal(true), adminToken: AdminTokenSchema, expiresAt: z.iso.datetime() }),
  z.object({
    unlocked: z.literal(false),
    lockedUntil: z.iso.datetime().nullable(),
    attemptsLeft: z.int().min(0),
  }),
]);
export type AdminUnlockResult = z.infer<typeof AdminUnlockResultSchema>;

export const SYNC_STATES = ['disabled', 'idle', 'pending', 'error'] as const;

export const AdminHealthSchema = z.object({
  kioskId: z.string(),
  appVersion: z.string(),
  host: z.enum(['electron', 'browser']),
  dataDir: z.string(),
  freeDiskBytes: z.int().min(0).nullable(),
  journalRecords: z.int().min(0),
  journalBytes: z.int().min(0),
  lastError: z.string().nullable(),
  lastErrorAt: z.iso.datetime().nullable(),
  sync: z.object({
    state: z.enum(SYNC_STATES),
    pendingRecords: z.int().min(0),
    lastSuccessAt: z.iso.datetime().nullable(),
  }),
});
export type AdminHealth = z.infer<typeof AdminHealthSchema>;

/** Kiosk ids travel in every record and in sync uploads: short, plain, no spaces. */
export const KioskIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'kioskId must be 1–64 letters, digits, "_" or "-"');

export const AdminSettingsSchema = z.object({
  kioskId: KioskIdSchema,
  language: z.enum(['vi', 'en']),
  idleSeconds: z.int().min(15).max(600),
});
export type AdminSettings = z.infer<typeof AdminSettingsSchema>;

/** Tallies as the panel shows them (the `Tallies` schema lives in contract.ts; passed through). */
export const AdminPanelRequestSchema = z.strictObject(withToken);

export const ADMIN_ACTIONS = [
  'end-session',
  'end-of-day',
  'set-settings',
  'set-pin',
  'restart',
  'exit-to-desktop',
  'lock',
] as const;

export const AdminActionRequestSchema = z.discriminatedUnion('action', [
  z.strictObject({ ...withToken, action: z.literal('end-session') }),
  /** Closes the day: nothing is deleted; "today" tallies start again. Export first (the panel does). */
  z.strictObject({ ...withToken, action: z.literal('end-of-day') }),
  z.strictObject({
    ...withToken,
    action: z.literal('set-settings'),
    settings: AdminSettingsSchema.partial(),
  }),
  z.strictObject({ ...withToken, action: z.literal('set-pin'), pin: PinSchema }),
  z.strictObject({ ...withToken, action: z.literal('restart') }),
  /** Electron only; the browser host answers with a clear "not available here" error. */
  z.strictObject({ ...withToken, action: z.literal('exit-to-desktop') }),
  z.strictObject({ ...withToken, action: z.literal('lock') }),
]);
export type AdminActionRequest = z.infer<typeof AdminActionRequestSchema>;

export const AdminActionResultSchema = z.object({ done: z.literal(true), message: z.string() });

export const EXPORT_PERIODS = ['today', 'all'] as const;

export const AdminExportRequestSchema = z.strictObject({
  ...withToken,
  period: z.enum(EXPORT_PERIODS),
});

export const ExportFileSchema = z.object({
  name: z.string(),
  bytes: z.int().min(0),
  /** Browser host: where the page downloads it (token-protected, same origin). Electron: null. */
  downloadPath: z.string().nullable(),
});

export const AdminExportResultSchema = z.object({
  /** Electron: the folder staff chose (a USB stick); browser host: null (files download). */
  folder: z.string().nullable(),
  files: z.array(ExportFileSchema),
  records: z.int().min(0),
});
export type AdminExportResult = z.infer<typeof AdminExportResultSchema>;
