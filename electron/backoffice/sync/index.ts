/**
 * Later sync (issue 9), kiosk side: the outbox over the journal, the durable cursor, the
 * retry policy and the heartbeat. Plain Node: never imports electron.
 */
export { openSyncService, type SyncService, type SyncChange } from './service.js';
export { Syncer, type SyncConfig, type SyncRun, type SyncStatus } from './syncer.js';
export { backoffDelay, backoffCeiling, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff.js';
export { CURSOR_FILE, loadCursor } from './cursor.js';
export { TOKEN_FILE } from './token-store.js';
