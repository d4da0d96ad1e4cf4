/**
 * What the phone's log shows for a run: the conversation so far in the current thread. A
 * thread is one contact on one channel (the bank's texts, the "staff" call, the friend's
 * chat), so a call does not pile onto the SMS log, and coming back to a chat finds it as it
 * was. Rebuilt from the run on every language switch and retry, so it is always consistent.
 */
import { currentNode, getNode, type Message, type Run, type Speaker } from '../story/index.js';

export type LogEntry =
  | { readonly kind: 'message'; readonly message: Message }
  | { readonly kind: 'choice'; readonly label: string }
  | { readonly kind: 'timeout' };

/**
 * One contact on one channel and surface (moving to another app starts a new thread); ids
 * only, so it is the same in both languages.
 */
export function threadKey(speaker: Speaker): string {
  return `${speaker.channel}:${speaker.surface ?? ''}:${speaker.avatar}`;
}

export interface ThreadView {
  /** Who the phone shows; null only when nobody has spoken yet (cannot happen in valid content). */
  readonly speaker: Speaker | null;
  readonly entries: readonly LogEntry[];
}

/**
 * The current thread's log.
 * @param followUpsShown follow-ups shown per node id (they only appear if the visitor waited)
 * @param currentShown how many of the current node's messages are on screen
 * @param pending true while the feedback on the last choice is shown: the phone still shows
 *   the thread where the choice was made, and the next node has not started
 */
export function currentThread(
  run: Run,
  followUpsShown: ReadonlyMap<string, number>,
  currentShown: number,
  pending = false,
): ThreadView {
  const all: { key: string; entry: LogEntry }[] = [];
  let lastSpeaker: Speaker | null = null;
  for (const step of run.steps) {
    const node = getNode(run.scenario, step.nodeId);
    if (node.kind !== 'decision') continue;
    const key = threadKey(node.speaker);
    lastSpeaker = node.speaker;
    for (const message of node.messages) all.push({ key, entry: { kind: 'message', message } });
    const followUps = node.followUps.slice(0, followUpsShown.get(node.id) ?? 0);
    for (const followUp of followUps)
      all.push({ key, entry: { kind: 'message', message: followUp.message } });
    const choice = node.choices.find((candidate) => candidate.id === step.choiceId);
    if (step.timedOut) all.push({ key, entry: { kind: 'timeout' } });
    else if (choice) all.push({ key, entry: { kind: 'choice', label: choice.label } });
  }
  const node = currentNode(run);
  const speaker = (pending ? null : node.speaker) ?? lastSpeaker;
  if (!speaker) return { speaker: null, entries: [] };
  const key = threadKey(speaker);
  if (node.speaker && !pending) {
    for (const message of node.messages.slice(0, currentShown))
      all.push({ key, entry: { kind: 'message', message } });
  }
  return { speaker, entries: all.filter((item) => item.key === key).map((item) => item.entry) };
}
