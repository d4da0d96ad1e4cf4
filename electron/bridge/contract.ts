/**
 * The one bridge contract between the visitor-facing renderer and the back office.
 *
 * Isomorphic on purpose: no Node, DOM or electron imports. It is used by the preload
 * (Electron), the IPC gateway (Electron main), the browser host (HTTP) and the renderer,
 * so both hosts answer exactly the same channels with exactly the same schemas.
 * Every payload is parsed with these schemas where it arrives.
 */
import { z } from 'zod';
import {
  AdminActionRequestSchema,
  AdminActionResultSchema,
  AdminExportRequestSchema,
  AdminExportResultSchema,
  AdminHealthSchema,
  AdminPanelRequestSchema,
  AdminSessionSchema,
  AdminSettingsSchema,
  AdminStateSchema,
  AdminUnlockResultSchema,
  FestivalTotalsSchema,
  PinSchema,
} from './admin-contract.js';
import { CheckFormSchema, StationCountsSchema, TalliesSchema } from './tallies-contract.js';

export * from './tallies-contract.js';

/**
 * The help lines every screen and every debrief shows: one source for the shell's help
 * overlay, the stations' debriefs and the content check that every ending names one.
 * 111: national child-protection line (free, 24/7); 113: police emergency.
 */
export const HELP_LINES = { childProtection: '111', police: '113' } as const;

export const LANGUAGES = ['vi', 'en'] as const;
export const LanguageSchema = z.enum(LANGUAGES);
export type Language = z.infer<typeof LanguageSchema>;

/**
 * Visitor-session id: exactly what the renderer makes (crypto.randomUUID(), a random v4 UUID
 * in lowercase), so nothing else (a name, a phone number, a school class) can pass as one:
 * "anonymous" is enforced where records are stored, not left to the renderer.
 */
export const SessionIdSchema = z
  .string()
  .regex(
    /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    'sessionId must be a random (v4) UUID in lowercase, as the kiosk makes them',
  );
/** A scene (station) id from the scene registry, e.g. "scam". */
export const SceneIdSchema = z
  .string()
  .regex(/^[a-z][a-z0-9-]{1,39}$/, 'sceneId must be 2–40 lowercase letters, digits or "-"');
/**
 * Ids of scenario nodes, choices, red flags and pledge options: the shape every id in the
 * content files has (lowercase words and digits joined by "-", e.g. "otp-bank", "n-1"), never
 * free text, spaces, capitals or other punctuation.
 */
export const ContentIdSchema = z
  .string()
  .max(48, 'content ids are at most 48 characters')
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'content ids are lowercase letters and digits joined by "-"');

export const SESSION_END_REASONS = ['idle', 'visitor', 'completed', 'staff'] as const;
export const SessionEndReasonSchema = z.enum(SESSION_END_REASONS);
export type SessionEndReason = z.infer<typeof SessionEndReasonSchema>;

export const SCENE_LEAVE_REASONS = ['completed', 'exited', 'idle'] as const;
export const OUTCOMES = ['safe', 'harmed', 'rescued', 'completed'] as const;

const base = {
  sessionId: SessionIdSchema,
  /**
   * A random id the renderer gives each event before its first send. A send that is retried
   * (the answer was lost, e.g. the browser host restarted) is stored once: the back office
   * uses it as the record's id and answers a repeat with the first acknowledgement.
   */
  eventId: z.uuid().optional(),
};
/** What the shell stamps on every event a station records: the station's own id. */
const station = { ...base, sceneId: SceneIdSchema };

export const CHECK_PHASES = ['before', 'after'] as const;
export const CHECK_ANSWERS = ['scam', 'safe'] as const;

/**
 * What the renderer reports. The back office stamps id, time and kiosk id.
 * Anonymous by construction: only content ids, counts and enums, no free text.
 * The shell records session, language and station enter/leave events; a station records
 * only the STATION_EVENT_TYPES, and the shell stamps its `sceneId` on them.
 */
export const VisitorEventSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('session-start'), ...base, language: LanguageSchema }),
  z.strictObject({ type: z.literal('session-end'), ...base, reason: SessionEndReasonSchema }),
  z.strictObject({ type: z.literal('language'), ...base, language: LanguageSchema }),
  z.strictObject({ type: z.literal('scene-enter'), ...station }),
  z.strictObject({
    type: z.literal('scene-leave'),
    ...station,
    reason: z.enum(SCENE_LEAVE_REASONS),
  }),
  /** A story (scenario) begins: stories abandoned before an ending can then be counted. */
  z.strictObject({ type: z.literal('story-start'), ...station, scenarioId: ContentIdSchema }),
  z.strictObject({
    type: z.literal('choice'),
    ...station,
    scenarioId: ContentIdSchema.optional(),
    nodeId: ContentIdSchema,
    choiceId: ContentIdSchema,
  }),
  /** A countdown ran out: recorded as itself, not as the choice the story then takes. */
  z.strictObject({
    type: z.literal('timeout'),
    ...station,
    scenarioId: ContentIdSchema.optional(),
    nodeId: ContentIdSchema,
  }),
  z.strictObject({
    type: z.literal('result'),
    ...station,
    scenarioId: ContentIdSchema.optional(),
    outcome: z.enum(OUTCOMES),
    score: z.int().min(0).max(1000).optional(),
    durationMs: z
      .int()
      .min(0)
      .max(24 * 3600 * 1000),
    redFlagsSpotted: z.array(ContentIdSchema).max(50).optional(),
    redFlagsMissed: z.array(ContentIdSchema).max(50).optional(),
  }),
  /** One answer of a "scam or safe?" round: the item, its form, the answer and whether it was right. */
  z.strictObject({
    type: z.literal('check-answer'),
    ...station,
    phase: z.enum(CHECK_PHASES),
    form: CheckFormSchema,
    itemId: ContentIdSchema,
    answer: z.enum(CHECK_ANSWERS),
    correct: z.boolean(),
  }),
  /** A finished round (its answers were recorded one by one just before). */
  z.strictObject({
    type: z.literal('check'),
    ...station,
    scenarioId: ContentIdSchema.optional(),
    phase: z.enum(CHECK_PHASES),
    /** The parallel form shown; absent in records from before forms existed. */
    form: CheckFormSchema.optional(),
    correct: z.int().min(0).max(50),
    total: z.int().min(1).max(50),
  }),
  /**
   * A pledge card chosen (one event per card), with the lantern colour the visitor picked:
   * a colour id from the pledge station's content, nothing about the visitor.
   */
  z.strictObject({
    type: z.literal('pledge'),
    ...station,
    pledgeId: ContentIdSchema,
    colour: ContentIdSchema.optional(),
  }),
  /** A finished minigame round (the pledge station): points, right decisions of all decided. */
  z.strictObject({
    type: z.literal('round'),
    ...station,
    score: z.int().min(0).max(100_000),
    correct: z.int().min(0).max(500),
    total: z.int().min(0).max(500),
    durationMs: z
      .int()
      .min(0)
      .max(24 * 3600 * 1000),
  }),
]);
export type VisitorEvent = z.infer<typeof VisitorEventSchema>;
export type VisitorEventType = VisitorEvent['type'];

/** The events a station may record (the shell refuses any other type from a station). */
export const STATION_EVENT_TYPES = [
  'story-start',
  'choice',
  'timeout',
  'result',
  'check-answer',
  'check',
  'pledge',
  'round',
] as const satisfies readonly VisitorEventType[];
export type StationEventType = (typeof STATION_EVENT_TYPES)[number];

/** True when `type` is one a station may record. */
export function isStationEventType(type: string): type is StationEventType {
  return (STATION_EVENT_TYPES as readonly string[]).includes(type);
}

/** What the back office adds to every event it stores. */
export const JournalStampShape = {
  id: z.uuid(),
  at: z.iso.datetime(),
  kioskId: z.string().min(1).max(64),
};

const journalVariants = VisitorEventSchema.options.map((variant) => variant.extend(JournalStampShape));

/**
 * A journal record: a visitor event as stored, one JSON object per line. Each event variant
 * (strict: unknown keys are rejected) extended with the stamp, as one discriminated union:
 * about twice as fast as an intersection, which matters when 100k records are replayed.
 */
export const JournalRecordSchema = z.discriminatedUnion(
  'type',
  journalVariants as [(typeof journalVariants)[number], ...(typeof journalVariants)[number][]],
);
export type JournalRecord = VisitorEvent & { id: string; at: string; kioskId: string };

export const KioskConfigSchema = z.object({
  kioskId: z.string(),
  version: z.string(),
  language: LanguageSchema,
  idleSeconds: z.int().min(5).max(3600),
  host: z.enum(['electron', 'browser']),
  /** The campaign's public page (staff setting, for the pledge QR code); "" for none. */
  campaignUrl: z.string().max(300).default(''),
});
export type KioskConfig = z.infer<typeof KioskConfigSchema>;

export const HealthSchema = z.object({
  kioskId: z.string(),
  version: z.string(),
  dataDir: z.string(),
  journalRecords: z.int().min(0),
  journalBytes: z.int().min(0),
  /** A sentence for staff saying what is wrong and what to do, or null when all is well. */
  lastError: z.string().nullable(),
  lastErrorAt: z.iso.datetime().nullable(),
});
export type Health = z.infer<typeof HealthSchema>;

export const RecordAckSchema = z.object({ id: z.uuid(), at: z.iso.datetime() });
export type RecordAck = z.infer<typeof RecordAckSchema>;

export const LogEntrySchema = z.strictObject({
  level: z.enum(['info', 'warn', 'error']),
  message: z.string().min(1).max(2000),
});

const Empty = z.strictObject({}).optional();

/**
 * Every channel, its request schema and its response schema. The method name on
 * `window.kiosk` is the key; the IPC channel is `kiosk:<key>`; the HTTP route is
 * `POST /api/<key>`.
 */
export const CHANNELS = {
  record: { request: VisitorEventSchema, response: RecordAckSchema },
  tallies: { request: Empty, response: TalliesSchema },
  config: { request: Empty, response: KioskConfigSchema },
  health: { request: Empty, response: HealthSchema },
  log: { request: LogEntrySchema, response: z.object({ logged: z.literal(true) }) },
  /** A station's own figures (StationContext.counts()): the shell asks for its station only. */
  stationCounts: { request: z.strictObject({ sceneId: SceneIdSchema }), response: StationCountsSchema },
  // Staff channels (issue 4): see admin-contract.ts.
  adminState: { request: Empty, response: AdminStateSchema },
  /** First run only (no PIN yet): sets the PIN and unlocks. */
  adminSetupPin: { request: z.strictObject({ pin: PinSchema }), response: AdminSessionSchema },
  adminUnlock: { request: z.strictObject({ pin: z.string().max(32) }), response: AdminUnlockResultSchema },
  adminPanel: {
    request: AdminPanelRequestSchema,
    response: z.object({
      today: TalliesSchema,
      allTime: TalliesSchema,
      /** When the current day was opened (the last "end of day", or the first record). */
      dayStartedAt: z.iso.datetime().nullable(),
      health: AdminHealthSchema,
      settings: AdminSettingsSchema,
      expiresAt: z.iso.datetime(),
    }),
  },
  adminAction: { request: AdminActionRequestSchema, response: AdminActionResultSchema },
  adminExport: { request: AdminExportRequestSchema, response: AdminExportResultSchema },
  /** Festival-wide totals (all kiosks) from the collector's last answer; null before any (issue 9). */
  festivalTotals: { request: Empty, response: FestivalTotalsSchema.nullable() },
} as const;

export type ChannelName = keyof typeof CHANNELS;
export const CHANNEL_NAMES = Object.keys(CHANNELS) as ChannelName[];
export type ChannelRequest<K extends ChannelName> = z.input<(typeof CHANNELS)[K]['request']>;
export type ParsedRequest<K extends ChannelName> = z.output<(typeof CHANNELS)[K]['request']>;
export type ChannelResponse<K extends ChannelName> = z.output<(typeof CHANNELS)[K]['response']>;

export const ERROR_CODES = ['bad-request', 'unknown-channel', 'forbidden', 'storage', 'internal'] as const;
export type BridgeErrorCode = (typeof ERROR_CODES)[number];
export interface BridgeError {
  code: BridgeErrorCode;
  message: string;
}

/** Every bridge answer: a value, or an error that says clearly what went wrong. */
export type BridgeResult<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export const BridgeResultSchema = z.union([
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.object({ code: z.enum(ERROR_CODES), message: z.string() }),
  }),
]);

/** The API the preload exposes as `window.kiosk`, and the browser client mirrors. */
export type KioskApi = {
  [K in ChannelName]: (request: ChannelRequest<K>) => Promise<BridgeResult<ChannelResponse<K>>>;
};

export const IPC_PREFIX = 'kiosk:';
/** The IPC channel for a contract key. */
export function ipcChannel(name: ChannelName): string {
  return `${IPC_PREFIX}${name}`;
}
/** The contract key for an IPC channel, or null when the channel is not ours. */
export function channelFromIpc(channel: string): ChannelName | null {
  if (!channel.startsWith(IPC_PREFIX)) return null;
  const name = channel.slice(IPC_PREFIX.length);
  return isChannelName(name) ? name : null;
}
export function isChannelName(name: string): name is ChannelName {
  return Object.hasOwn(CHANNELS, name);
}

export const HTTP_API_PREFIX = '/api/';
export const HTTP_TOKEN_HEADER = 'x-kiosk-token';
/** Name of the <meta> tag through which the browser host hands the page its per-launch token. */
export const TOKEN_META_NAME = 'kiosk-token';
