/**
 * Delivers one node's messages the way a phone does: a typing indicator for each bubble's
 * `delayMs`, then the bubble; system notices arrive silently. Once every message is shown the
 * node is "settled" (its choices appear) and its follow-ups start their own clocks. A tap on
 * the phone (`hurry`) shows everything still pending at once.
 */
import type { FollowUp, Message } from '../story/index.js';
import { Timers } from '../dom/timers.js';

/** Which message arrived: the node's n-th message, or its n-th follow-up. */
export interface FeedItem {
  readonly source: 'message' | 'followUp';
  readonly index: number;
  readonly message: Message;
}

export interface FeedListener {
  /** The typing indicator turns on (someone is writing) or off. */
  typing(active: boolean): void;
  /** A message is shown. */
  show(item: FeedItem): void;
  /** Every one of the node's own messages is shown. Called once per `start`. */
  settled(): void;
}

/** The messages of the node being played (the current language's version). */
export interface FeedSource {
  readonly messages: readonly Message[];
  readonly followUps: readonly FollowUp[];
}

/**
 * Typing dots only for things a person writes in this thread; system notices and banners just
 * appear, and a message of a parallel thread (`aside`) is not typed by the contact shown.
 */
function typed(message: Message): boolean {
  return message.kind !== 'system' && message.kind !== 'banner' && message.kind !== 'aside';
}

export class MessageFeed {
  private readonly timers = new Timers();
  private source: FeedSource = { messages: [], followUps: [] };
  private shownMessages = 0;
  private shownFollowUps = 0;
  private settledOnce = false;
  private typingOn = false;

  constructor(private readonly listener: FeedListener) {}

  /** Messages of the node shown so far. */
  get messagesShown(): number {
    return this.shownMessages;
  }

  /** Follow-ups shown so far. */
  get followUpsShown(): number {
    return this.shownFollowUps;
  }

  get isSettled(): boolean {
    return this.settledOnce;
  }

  /**
   * Starts delivering `source`. `alreadyShown` messages count as shown (a rebuilt view after a
   * language switch continues where it was, it does not replay).
   */
  start(source: FeedSource, alreadyShown = 0, followUpsShown = 0): void {
    this.stop();
    this.source = source;
    this.shownMessages = Math.min(alreadyShown, source.messages.length);
    this.shownFollowUps = Math.min(followUpsShown, source.followUps.length);
    this.settledOnce = false;
    this.next();
  }

  /** Swaps in the same node in another language; counts and timers carry on. */
  retarget(source: FeedSource): void {
    this.source = source;
  }

  /** Shows every pending message of the node now. Returns false when nothing was pending. */
  hurry(): boolean {
    if (this.settledOnce) return false;
    this.timers.clear();
    this.setTyping(false);
    while (this.shownMessages < this.source.messages.length) this.reveal('message', this.shownMessages);
    this.settle();
    return true;
  }

  /** Cancels everything pending (leaving the node, the view or the station). */
  stop(): void {
    this.timers.clear();
    this.setTyping(false);
  }

  private next(): void {
    const message = this.source.messages[this.shownMessages];
    if (!message) {
      this.settle();
      return;
    }
    this.setTyping(typed(message));
    this.timers.after(message.delayMs, () => {
      this.setTyping(false);
      this.reveal('message', this.shownMessages);
      this.next();
    });
  }

  private settle(): void {
    if (this.settledOnce) return;
    this.settledOnce = true;
    this.listener.settled();
    this.scheduleFollowUps();
  }

  private scheduleFollowUps(): void {
    this.source.followUps.forEach((followUp, index) => {
      if (index < this.shownFollowUps) return;
      const typingMs = typed(followUp.message) ? followUp.message.delayMs : 0;
      const startTyping = Math.max(0, followUp.afterSeconds * 1000 - typingMs);
      this.timers.after(startTyping, () => {
        this.setTyping(typingMs > 0);
        this.timers.after(typingMs, () => {
          this.setTyping(false);
          this.reveal('followUp', index);
        });
      });
    });
  }

  private reveal(source: FeedItem['source'], index: number): void {
    const message =
      source === 'message' ? this.source.messages[index] : this.source.followUps[index]?.message;
    if (!message) return;
    if (source === 'message') this.shownMessages = index + 1;
    else this.shownFollowUps = Math.max(this.shownFollowUps, index + 1);
    this.listener.show({ source, index, message });
  }

  private setTyping(active: boolean): void {
    if (active === this.typingOn) return;
    this.typingOn = active;
    this.listener.typing(active);
  }
}
