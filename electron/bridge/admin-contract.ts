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

/** Staff PINs are 6 to 8 digits: 4 digits fall to an offline search of the hash in minutes. */
export const PIN_MIN_DIGITS = 6;
export const PIN_MAX_DIGITS = 8;
export const PinSchema = z.string().regex(/^\d{6,8}$/, 'the PIN is 6 to 8 digits');
export const AdminTokenSchema = z.string().min(16).max(128);
const withToken = { adminToken: AdminTokenSchema };

/**
 * Something staff must know, as a code the renderer words in the staff's language, with its
 * numbers and names as parameters (never an English sentence).
 */
export const STAFF_NOTICE_CODES = [
  /** Damaged journal lines were skipped at start-up (params: count). */
  'journal-damaged-lines',
  /** A folder of the kiosk cannot be read or written (params: path). */
  'folder-unusable',
  /** The PIN lock-out cannot be saved, so no PIN is checked until it can. */
  'lockout-unsaved',
  /** The visitor journal could not be opened: an export would be empty, so it is refused. */
  'export-journal-unavailable',
  /** On-screen PIN set-up is off (a PIN existed, or this is not a set-up build). */
  'pin-setup-refused',
  /**
   * A station was hidden from the hub because a file of it is broken (its station.json, or a
   * content file found by its check or when it failed to open). Raised by the renderer, not
   * the back office (params: station, file, field (empty: the whole file), detail).
   */
  'station-hidden',
] as const;
export type StaffNoticeCode = (typeof STAFF_NOTICE_CODES)[number];

/**
 * What the back office answers staff besides notices: results of staff actions and why an
 * action or a save failed, again as codes with parameters the renderer words (in vi and en:
 * test/renderer/staff-codes.test.ts fails when a code has no text).
 */
export const STAFF_MESSAGE_CODES = [
  /** A file could not be read or written (params: action, cause, errno, path). */
  'storage-failed',
  /** The staff token is no longer valid: unlock again. */
  'session-expired',
  /** The Electron kiosk closed the staff window's session (a restart or exit was under way). */
  'session-closed',
  /** The save-as dialog was cancelled: nothing was exported. */
  'no-folder-chosen',
  /** This build has no sync client. */
  'sync-unavailable',
  /** The browser host cannot leave to the desktop. */
  'exit-unavailable',
  /** Settings or a record were refused (params: detail, a developer's description). */
  'invalid-settings',
  'invalid-record',
  /** The journal is closed (the kiosk is shutting down). */
  'journal-closed',
  /** Results of staff actions. */
  'visitor-session-ended',
  /** params: records */
  'day-ended',
  /** params: fields (comma-separated setting names, or empty) */
  'settings-saved',
  'sync-saved',
  'pin-changed',
  'restarting',
  'reload-to-restart',
  'leaving-to-desktop',
  'panel-locked',
] as const;

/** What the kiosk was doing when storage failed (param `action` of 'storage-failed'). */
export const STORAGE_ACTIONS = [
  'save-visitor-data',
  'save-settings',
  'save-staff-pin',
  'write-audit-log',
  'prepare-export',
  'write-export',
] as const;
export type StorageAction = (typeof STORAGE_ACTIONS)[number];

/** Why storage failed, in staff terms (param `cause` of 'storage-failed'). */
export const STORAGE_CAUSES = ['disk-full', 'read-only', 'missing', 'locked', 'io', 'unexpected'] as const;
export type StorageCause = (typeof STORAGE_CAUSES)[number];

export const StaffNoticeSchema = z.object({
  code: z.enum(STAFF_NOTICE_CODES),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type StaffNotice = z.infer<typeof StaffNoticeSchema>;

/** A notice or a message: anything the back office says to staff travels as one of these. */
export const StaffMessageSchema = z.object({
  code: z.enum([...STAFF_NOTICE_CODES, ...STAFF_MESSAGE_CODES]),
  params: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type StaffMessage = z.infer<typeof StaffMessageSchema>;

/**
 * A staff notice carried in a bridge error's `message` (the error envelope has no room for
 * parameters): the code, a space, then the parameters as JSON. `noticeFromMessage` reads it
 * back; any other message is a plain sentence.
 */
export function noticeMessage(notice: StaffMessage): string {
  return `${notice.code} ${JSON.stringify(notice.params)}`;
}

/** The staff notice or message in a bridge error's message, or null when it is a plain sentence. */
export function noticeFromMessage(message: string): StaffMessage | null {
  const space = message.indexOf(' ');
  if (space === -1) return null;
  try {
    const parsed = StaffMessageSchema.safeParse({
      code: message.slice(0, space),
      params: JSON.parse(message.slice(space + 1)) as unknown,
    });
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Where the staff PIN stands:
 * - `set`: unlock with it;
 * - `choose`: nothing was ever provisioned and on-screen set-up is allowed (development, or
 *   the explicit KIOSK_ALLOW_SCREEN_SETUP): the pad asks staff to choose one;
 * - `unprovisioned`: nothing was ever provisioned; set one with KIOSK_ADMIN_PIN or the USB
 *   set-up file (the pad never offers to choose one on a public screen);
 * - `reprovision`: a PIN existed but its hash is missing or unreadable: locked until it is
 *   provisioned again the same way.
 */
export const PIN_STATES = ['set', 'choose', 'unprovisioned', 'reprovision'] as const;
export type PinState = (typeof PIN_STATES)[number];

export const AdminStateSchema = z.object({
  pin: z.enum(PIN_STATES),
  /** While locked after too many wrong PINs: until when (survives restarts). */
  lockedUntil: z.iso.datetime().nullable(),
  attemptsLeft: z.int().min(0),
  /** False while the lock-out cannot be saved: no PIN is checked until it can (fails closed). */
  lockoutSaved: z.boolean(),
  /** What staff should know even before unlocking (shown in the corner notice). */
  notices: z.array(StaffNoticeSchema),
});
export type AdminState = z.infer<typeof AdminStateSchema>;

/** Why a PIN was not even checked. */
export const UNLOCK_REFUSALS = ['lockout-unsaved', 'unprovisioned', 'reprovision'] as const;
export type UnlockRefusal = (typeof UNLOCK_REFUSALS)[number];

export const AdminSessionSchema = z.object({ adminToken: AdminTokenSchema, expiresAt: z.iso.datetime() });

export const AdminUnlockResultSchema = z.discriminatedUnion('unlocked', [
  z.object({ unlocked: z.literal(true), adminToken: AdminTokenSchema, expiresAt: z.iso.datetime() }),
  z.object({
    unlocked: z.literal(false),
    lockedUntil: z.iso.datetime().nullable(),
    attemptsLeft: z.int().min(0),
    /** Set when the PIN was not checked at all, and why; null after a wrong PIN or while locked. */
    refused: z.enum(UNLOCK_REFUSALS).nullable(),
  }),
]);
export type AdminUnlockResult = z.infer<typeof AdminUnlockResultSchema>;

export const SYNC_STATES = ['disabled', 'idle', 'pending', 'error'] as const;

/** Festival-wide totals the collector sends back with every acknowledgement. */
export const FestivalTotalsSchema = z.object({
  sessions: z.int().min(0),
  pledges: z.int().min(0),
  kiosks: z.int().min(0),
  at: z.iso.datetime(),
});
export type FestivalTotals = z.infer<typeof FestivalTotalsSchema>;

const PRIVATE_IPV4 = [/^127\./, /^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./, /^169\.254\./];

/** True for a loopback or private-network host name or address (where plain http may go). */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return PRIVATE_IPV4.some((range) => range.test(host));
  if (host === '::1') return true;
  // Unique-local (fc00::/7) and link-local (fe80::/10) IPv6.
  return /^f[cd][0-9a-f]{0,2}:/.test(host) || /^fe[89ab][0-9a-f]?:/.test(host);
}

/**
 * Why `url` may not be a collector URL, or null when it may: only `https://`, or plain
 * `http://` to a loopback or private-network address (a laptop on the festival's own Wi-Fi),
 * so a token never crosses the internet in clear text. No user name or password in the URL.
 */
export function collectorUrlProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'the collector URL is not a URL';
  }
  if (parsed.username !== '' || parsed.password !== '')
    return 'the collector URL must not contain a user name or password (the token goes in its own setting)';
  if (parsed.protocol === 'https:') return null;
  if (parsed.protocol !== 'http:')
    return 'the collector URL must start with https:// (or http:// on a private network)';
  if (!isPrivateHost(parsed.hostname))
    return 'plain http:// is allowed only to a loopback or private-network address; use https://';
  return null;
}

/** A collector URL: at most 2048 characters and allowed by `collectorUrlProblem`. */
export const CollectorUrlSchema = z
  .string()
  .max(2048)
  .superRefine((url, ctx) => {
    const problem = collectorUrlProblem(url);
    if (problem !== null) ctx.addIssue({ code: 'custom', message: problem });
  });

/** The sync settings as the staff panel sees them: the token only as "set or not". */
export const AdminSyncSettingsSchema = z.object({
  url: z.string().nullable(),
  enabled: z.boolean(),
  intervalSeconds: z.int().min(30).max(86_400),
  tokenSet: z.boolean(),
});
export type AdminSyncSettings = z.infer<typeof AdminSyncSettingsSchema>;

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
  /** Problems that are not the last error: damaged journal lines, unusable folders, … */
  notices: z.array(StaffNoticeSchema),
  sync: z.object({
    state: z.enum(SYNC_STATES),
    pendingRecords: z.int().min(0),
    lastSuccessAt: z.iso.datetime().nullable(),
    /** The collector URL (never the token), or null when none is set. */
    url: z.string().nullable().optional(),
    /** Why the last sync failed, in plain words, or null. */
    lastError: z.string().nullable().optional(),
    lastErrorAt: z.iso.datetime().nullable().optional(),
    /** Festival-wide totals from the collector's last answer, or null before the first one. */
    festival: FestivalTotalsSchema.nullable().optional(),
  }),
});
export type AdminHealth = z.infer<typeof AdminHealthSchema>;

/** Kiosk ids travel in every record and in sync uploads: short, plain, no spaces. */
export const KioskIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/, 'kioskId must be 1–64 letters, digits, "_" or "-"');

/**
 * The campaign's public page (the pledge station's QR code): an http(s) URL, or "" for none.
 * A plain address staff type in; it never carries anything about a visitor.
 */
export const CampaignUrlSchema = z
  .string()
  .trim()
  .max(300)
  .regex(/^(?:https?:\/\/[^\s"'<>]+)?$/, 'the campaign page must be an http(s) address');

export const AdminSettingsSchema = z.object({
  kioskId: KioskIdSchema,
  language: z.enum(['vi', 'en']),
  idleSeconds: z.int().min(15).max(600),
  campaignUrl: CampaignUrlSchema,
  /** Later sync (issue 9); absent from hosts that predate it. */
  sync: AdminSyncSettingsSchema.optional(),
});
export type AdminSettings = z.infer<typeof AdminSettingsSchema>;

/** Tallies as the panel shows them (the `Tallies` schema lives in contract.ts; passed through). */
export const AdminPanelRequestSchema = z.strictObject(withToken);

export const ADMIN_ACTIONS = [
  'end-session',
  'end-of-day',
  'set-settings',
  'set-sync',
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
    settings: AdminSettingsSchema.omit({ sync: true }).partial(),
  }),
  /**
   * The sync settings: collector URL (null: no sync), on/off, interval, and the token: a new
   * one replaces the old, null removes it, absent keeps it.
   */
  z.strictObject({
    ...withToken,
    action: z.literal('set-sync'),
    url: CollectorUrlSchema.nullable(),
    enabled: z.boolean(),
    intervalSeconds: z.int().min(30).max(86_400),
    token: z
      .string()
      .min(16)
      .max(256)
      .regex(/^[\x21-\x7e]+$/, 'the token is printable ASCII without spaces')
      .nullable()
      .optional(),
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
