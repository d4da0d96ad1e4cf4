/**
 * A rough play-time estimate, used to keep every scenario within the 2–4 minutes a
 * festival visitor gives a station. Reading time is estimated from characters (kiosk
 * reading by 12–24-year-olds, slower than desk reading), plus typing delays, time to decide
 * and time to read the feedback and the debrief.
 */
import { allPaths, type ScenarioPath } from './graph.js';
import { getNode } from './run.js';
import type { Message, Scenario } from './schema.js';

/** A 12-year-old's pace at a noisy festival (LEARNING-DESIGN §1: about 8 characters a second). */
export const READ_CHARS_PER_SECOND = 8;
/** Even a one-word bubble takes a moment to notice. */
export const MIN_READ_MS = 1200;
/** Extra time to look at a picture (fake warrant, prize card…). */
export const IMAGE_LOOK_MS = 2000;
/** Time to think before pressing a button, on top of reading the labels. */
export const DECIDE_MS = 3000;
/** Time on the debrief screen beyond reading it (score, retry button). */
export const ENDING_PAUSE_MS = 4000;

/** Milliseconds to read `text` at kiosk reading speed. */
export function readMs(text: string): number {
  return Math.max(MIN_READ_MS, (text.length / READ_CHARS_PER_SECOND) * 1000);
}

function messageMs(message: Message): number {
  // A document is read line by line on top of its caption, and looked at like a picture.
  const extra =
    message.kind === 'image'
      ? IMAGE_LOOK_MS
      : message.kind === 'document'
        ? IMAGE_LOOK_MS + readMs([message.title, ...message.lines].join(' '))
        : 0;
  return message.delayMs + readMs(message.text) + extra;
}

/** Estimated time for one complete path, in ms. */
export function estimatePathMs(scenario: Scenario, path: ScenarioPath): number {
  let total = 0;
  for (const step of path.steps) {
    const node = getNode(scenario, step.nodeId);
    if (node.kind !== 'decision') continue;
    for (const message of node.messages) total += messageMs(message);
    total += DECIDE_MS + readMs(node.choices.map((choice) => choice.label).join(' '));
    // Instant feedback names each red flag of the node by its label; the explanations are
    // behind the debrief's optional "more", so they are not part of the play time.
    for (const flag of node.redFlags) total += readMs(flag.label);
    const feedback = node.choices.find((choice) => choice.id === step.choiceId)?.feedback;
    if (feedback) total += readMs(feedback);
  }
  const end = getNode(scenario, path.endingId);
  if (end.kind === 'ending') {
    for (const message of end.messages) total += messageMs(message);
    const { title, whatHappened, safeAction, help } = end.ending;
    total += readMs(title) + readMs(whatHappened) + readMs(safeAction) + readMs(help) + ENDING_PAUSE_MS;
  }
  return Math.round(total);
}

/** Shortest, longest and mean estimated play time over every complete path, in ms. */
export function estimatePlayTime(scenario: Scenario): { minMs: number; maxMs: number; meanMs: number } {
  const times = allPaths(scenario).map((path) => estimatePathMs(scenario, path));
  return {
    minMs: Math.min(...times),
    maxMs: Math.max(...times),
    meanMs: Math.round(times.reduce((sum, t) => sum + t, 0) / times.length),
  };
}
