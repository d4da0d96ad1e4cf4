/**
 * The shape of one scenario file, `content/scenarios/<scenario-id>.<lang>.json`.
 * zod checks each field; cross-references (dangling ids, reachability, endings) are
 * checked afterwards in validate.ts, because zod sees one field at a time.
 */
import { z } from 'zod';
import { ContentIdSchema, LanguageSchema } from '../../../electron/bridge/contract.js';

/** The three tactics the cybercrime department (A05) names; wording lives in tactics.<lang>.json. */
export const TACTICS = ['threat', 'manipulation', 'luring'] as const;
export type Tactic = (typeof TACTICS)[number];

export const CHANNELS = ['sms', 'chat', 'call', 'video'] as const;
export type Channel = (typeof CHANNELS)[number];

/** Ending kinds; a subset of the contract's result outcomes. */
export const ENDING_KINDS = ['safe', 'harmed', 'rescued'] as const;
export type EndingKind = (typeof ENDING_KINDS)[number];

/** Looks of the phone's document viewer. */
export const DOCUMENT_KINDS = ['warrant', 'letter'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Icons of the phone's system banner. */
export const BANNER_ICONS = ['airplane', 'sim', 'blocked'] as const;
export type BannerIcon = (typeof BANNER_ICONS)[number];

/** Typing-indicator time before a bubble appears, when the file does not say. */
export const DEFAULT_DELAY_MS = 900;

/**
 * Visitor-facing text: required, trimmed, non-empty and short. The length caps are
 * there to keep bubbles readable at a glance by 12–24-year-olds on a kiosk.
 */
export function visibleText(max: number) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be text') })
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters (keep it short)`);
}

const delayMs = z.int().min(0).max(10_000).default(DEFAULT_DELAY_MS);

/** A link as the visitor sees it: display only, never opened. Must look like a domain. */
const DisplayUrlSchema = z
  .string()
  .regex(
    /^(https?:\/\/)?[a-z0-9-]+(\.[a-z0-9-]+)+(\/\S*)?$/i,
    'must look like a web address, e.g. "example.vn/abc"',
  );

export const SpeakerSchema = z.strictObject({
  name: visibleText(40),
  /** An emoji or an icon id the phone scene knows how to draw. */
  avatar: z.string().min(1, 'must not be empty').max(32),
  channel: z.enum(CHANNELS),
  /** Small print under the name: a phone number, "account created 2 weeks ago"… */
  detail: visibleText(60).optional(),
  /**
   * Which phone surface shows this contact (`scenes/shared/phone/surfaces/`: "browser",
   * "call-out", "app"…); without it, the channel's own surface. Checked against the surface
   * registry when the station loads.
   */
  surface: ContentIdSchema.optional(),
  /** The deceptive part of `name` (a fake site's ".top"), marked on screen; part of `name`. */
  mark: z.string().min(1).max(60).optional(),
});
export type Speaker = z.infer<typeof SpeakerSchema>;

/** The decisive clue of its step: the phone highlights it instead of greying it. */
const clue = z.boolean().optional();

export const MessageSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('text'), text: visibleText(160), delayMs, clue }),
  z.strictObject({ kind: z.literal('system'), text: visibleText(160), delayMs, clue }),
  /**
   * `text` is the link preview title, `url` the address shown (fake, never opened), `mark`
   * its deceptive part (e.g. ".top"), marked on screen; part of `url`.
   */
  z.strictObject({
    kind: z.literal('link'),
    text: visibleText(80),
    url: DisplayUrlSchema,
    mark: z.string().min(1).max(60).optional(),
    delayMs,
    clue,
  }),
  /** `art` names a picture the scene draws (e.g. "prize-card"); `text` describes it. */
  z.strictObject({ kind: z.literal('image'), art: ContentIdSchema, text: visibleText(200), delayMs, clue }),
  /**
   * A paper the phone opens in its document viewer (a "warrant", a scholarship letter):
   * `title` is its heading, `lines` what is written on it, `text` the caption under it.
   * `doc` picks its look; the details on it are invented for the game.
   */
  z.strictObject({
    kind: z.literal('document'),
    doc: z.enum(DOCUMENT_KINDS),
    title: visibleText(60),
    lines: z.array(visibleText(80)).min(1).max(6),
    text: visibleText(160),
    delayMs,
    clue,
  }),
  /** A place card (a guesthouse on a map): `title` is the place's name, `text` the address line. */
  z.strictObject({ kind: z.literal('place'), title: visibleText(60), text: visibleText(120), delayMs, clue }),
  /** A phone-wide banner from the system (airplane mode on, SIM removed, a contact blocked). */
  z.strictObject({
    kind: z.literal('banner'),
    icon: z.enum(BANNER_ICONS),
    text: visibleText(80),
    delayMs,
    clue,
  }),
  /**
   * A message in another thread that goes on in parallel (the family writing while the "officer"
   * talks): shown as that thread's notification, from `from`, with its own avatar.
   */
  z.strictObject({
    kind: z.literal('aside'),
    from: visibleText(40),
    avatar: z.string().min(1, 'must not be empty').max(32),
    text: visibleText(160),
    delayMs,
    clue,
  }),
]);
export type Message = z.infer<typeof MessageSchema>;
export type MessageKind = Message['kind'];

export const FollowUpSchema = z.strictObject({
  /** Seconds after the node's last message, if the visitor has not chosen yet. */
  afterSeconds: z.int().min(1).max(120),
  message: MessageSchema,
});
export type FollowUp = z.infer<typeof FollowUpSchema>;

export const RedFlagSchema = z.strictObject({
  id: ContentIdSchema,
  tactic: z.enum(TACTICS),
  /** A few words for the feedback chip, e.g. "Link lạ". */
  label: visibleText(40),
  /** One or two short sentences: why this is a warning sign. */
  explanation: visibleText(200),
});
export type RedFlag = z.infer<typeof RedFlagSchema>;

export const ChoiceSchema = z.strictObject({
  id: ContentIdSchema,
  label: visibleText(70),
  next: ContentIdSchema,
  /** Red flags of this node that choosing this shows the visitor has spotted. */
  spots: z.array(ContentIdSchema).default([]),
  /** A mistake: the first one is where "try again" goes back to. */
  risky: z.boolean().default(false),
  /**
   * Undoes the risky steps before it (leaving before giving anything, telling a parent), so
   * the path may still end safe (LEARNING-DESIGN §2); never on a risky choice.
   */
  undoes: z.boolean().default(false),
  /** Optional instant feedback shown after choosing. */
  feedback: visibleText(160).optional(),
});
export type Choice = z.infer<typeof ChoiceSchema>;

export const EndingSchema = z.strictObject({
  kind: z.enum(ENDING_KINDS),
  title: visibleText(60),
  /** Names what happened, without blaming the visitor. */
  whatHappened: visibleText(320),
  /** The safe action, in a sentence or two. */
  safeAction: visibleText(320),
  /** Where to get help; must mention 111 or 113 (checked in validate.ts). */
  help: visibleText(200),
});
export type Ending = z.infer<typeof EndingSchema>;

/**
 * A node as written in the file: either a decision (speaker + choices) or an ending.
 * Kept as one loose object so zod reports field errors plainly; validate.ts enforces
 * the either/or rules and load.ts turns it into the typed union below.
 */
export const NodeFileSchema = z.strictObject({
  id: ContentIdSchema,
  speaker: SpeakerSchema.optional(),
  messages: z.array(MessageSchema).max(12).default([]),
  followUps: z.array(FollowUpSchema).max(4).default([]),
  countdownSeconds: z.int().min(5).max(120).optional(),
  timeoutChoice: ContentIdSchema.optional(),
  redFlags: z.array(RedFlagSchema).max(6).default([]),
  choices: z.array(ChoiceSchema).max(4).optional(),
  ending: EndingSchema.optional(),
});
export type NodeFile = z.infer<typeof NodeFileSchema>;

/** Accent colours a scenario card may use (the palette's names, renderer/styles/tokens.css). */
export const ACCENTS = ['coral', 'sun', 'mint', 'sky', 'rose'] as const;
export type Accent = (typeof ACCENTS)[number];

export const ScenarioFileSchema = z.strictObject({
  id: ContentIdSchema,
  lang: LanguageSchema,
  /** The card's picture (a name from the picture kit, scenes/shared/dom/pictures.ts). */
  icon: ContentIdSchema,
  accent: z.enum(ACCENTS),
  /** Position in the picker (1 first); same in both languages. */
  order: z.int().min(1).max(99),
  title: visibleText(60),
  /** One line for the scenario picker. */
  summary: visibleText(160),
  /**
   * For sensitive stories (grooming, sextortion, kidnapping): what the story contains, that
   * nothing is explicit and that the visitor can stop at any time, shown before it starts
   * with a way back. Such a story shows no score, no "scammed" badge and no red crosses.
   */
  contentNote: visibleText(300).optional(),
  start: ContentIdSchema,
  nodes: z.array(NodeFileSchema).min(2, 'needs at least a start node and an ending'),
});
export type ScenarioFile = z.infer<typeof ScenarioFileSchema>;

/** A node where the visitor decides. */
export interface DecisionNode {
  readonly kind: 'decision';
  readonly id: string;
  readonly speaker: Speaker;
  readonly messages: readonly Message[];
  readonly followUps: readonly FollowUp[];
  /** Pressure timer; when it runs out, `timeoutChoice` is chosen for the visitor. */
  readonly countdownSeconds?: number;
  readonly timeoutChoice?: string;
  readonly redFlags: readonly RedFlag[];
  readonly choices: readonly Choice[];
}

/** A node where the story ends; it may show a last message or two before the debrief. */
export interface EndingNode {
  readonly kind: 'ending';
  readonly id: string;
  readonly speaker?: Speaker;
  readonly messages: readonly Message[];
  readonly ending: Ending;
}

export type ScenarioNode = DecisionNode | EndingNode;

/** A validated scenario in one language. */
export interface Scenario {
  readonly id: string;
  readonly lang: 'vi' | 'en';
  readonly icon: string;
  readonly accent: Accent;
  readonly order: number;
  readonly title: string;
  readonly summary: string;
  /** Present for sensitive stories (see ScenarioFileSchema). */
  readonly contentNote?: string;
  readonly start: string;
  readonly nodes: readonly ScenarioNode[];
}
