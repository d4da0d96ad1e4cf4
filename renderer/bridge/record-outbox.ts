/**
 * Visitor records on their way to the back office: kept in order until stored, retried while
 * the host is away (restarting, unreachable, its disk full), and never stored twice: each
 * record gets a random `eventId` before its first send, and the back office answers a repeat
 * of an id it already stored with the first acknowledgement (see electron/backoffice).
 *
 * Bounded: past `capacity` waiting records, new ones are refused (and counted as lost) rather
 * than growing without end; the earliest records, whole sessions, are the ones kept.
 * Runs in the renderer; no DOM.
 */
import type { BridgeError, BridgeResult, RecordAck, VisitorEvent } from '../../electron/bridge/contract.js';

/** Why records are waiting. */
export type DeliveryProblem = 'unreachable' | 'forbidden' | 'storage' | 'server';

/** What one send came to. */
export type Attempt =
  | { kind: 'stored'; ack: RecordAck }
  /** Worth trying again later: the host is away, or cannot store right now. */
  | { kind: 'retry'; problem: DeliveryProblem }
  /** The record itself was refused (invalid): trying again cannot help. */
  | { kind: 'rejected'; error: BridgeError };

export interface DeliveryState {
  /** Records waiting to be stored. */
  pending: number;
  /** Why the oldest one waits; null while sends succeed. */
  problem: DeliveryProblem | null;
  /** Records given up since the page loaded (queue full, or refused as invalid). */
  lost: number;
}

export interface OutboxOptions {
  /** Most records kept waiting (default 2000: dozens of whole visitor sessions). */
  capacity?: number;
  /** Waits between tries, ms; the last one repeats (default 0.5 s doubling up to 8 s). */
  retryDelaysMs?: readonly number[];
  /** A host that answers with a server error this many times for one record: given up. */
  serverFailuresAllowed?: number;
  /** Told whenever the state changes. */
  onChange?: (state: DeliveryState) => void;
  /** Makes the `eventId` of a record (default crypto.randomUUID). */
  newId?: () => string;
}

interface Entry {
  event: VisitorEvent;
  serverFailures: number;
  settle: (result: BridgeResult<RecordAck>) => void;
}

/** The outbox's defaults; exported so tests can run its back-off on a fake clock. */
export const OUTBOX_DEFAULTS = {
  capacity: 2000,
  retryDelaysMs: [500, 1000, 2000, 4000, 8000],
  serverFailuresAllowed: 5,
} as const;

export class RecordOutbox {
  private readonly queue: Entry[] = [];
  private problem: DeliveryProblem | null = null;
  private lost = 0;
  private running = false;
  private idle: (() => void)[] = [];

  constructor(
    private readonly send: (event: VisitorEvent) => Promise<Attempt>,
    private readonly options: OutboxOptions = {},
  ) {}

  /**
   * Queues a record; resolves with its acknowledgement once stored, or with an error when it
   * was given up (queue full, or refused as invalid). Never rejects.
   */
  push(event: VisitorEvent): Promise<BridgeResult<RecordAck>> {
    const capacity = this.options.capacity ?? OUTBOX_DEFAULTS.capacity;
    if (this.queue.length >= capacity) {
      this.lost += 1;
      this.changed();
      return Promise.resolve({
        ok: false,
        error: { code: 'storage', message: `${capacity} records are already waiting; this one was dropped.` },
      });
    }
    const newId = this.options.newId ?? (() => crypto.randomUUID());
    const stamped: VisitorEvent = { ...event, eventId: event.eventId ?? newId() };
    return new Promise((settle) => {
      this.queue.push({ event: stamped, serverFailures: 0, settle });
      this.changed();
      void this.pump();
    });
  }

  state(): DeliveryState {
    return { pending: this.queue.length, problem: this.problem, lost: this.lost };
  }

  /** Resolves when nothing is waiting. */
  whenIdle(): Promise<void> {
    if (this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Sends the oldest record until none is left; one send at a time keeps them in order. */
  private async pump(): Promise<void> {
    if (this.running) return;
    this.running = true;
    let failures = 0;
    for (let entry = this.queue[0]; entry !== undefined; entry = this.queue[0]) {
      const attempt = await this.sendSafely(entry.event);
      if (attempt.kind === 'retry' && attempt.problem === 'server') {
        entry.serverFailures += 1;
        if (
          entry.serverFailures >=
          (this.options.serverFailuresAllowed ?? OUTBOX_DEFAULTS.serverFailuresAllowed)
        ) {
          this.finish(entry, {
            ok: false,
            error: { code: 'internal', message: 'The host kept failing on this record.' },
          });
          this.lost += 1;
          continue;
        }
      }
      if (attempt.kind === 'retry') {
        this.problem = attempt.problem;
        this.changed();
        await this.wait(failures);
        failures += 1;
        continue;
      }
      failures = 0;
      this.problem = null;
      if (attempt.kind === 'stored') {
        this.finish(entry, { ok: true, value: attempt.ack });
      } else {
        this.lost += 1;
        this.finish(entry, { ok: false, error: attempt.error });
      }
    }
    this.running = false;
    for (const resolve of this.idle.splice(0)) resolve();
  }

  private async sendSafely(event: VisitorEvent): Promise<Attempt> {
    try {
      return await this.send(event);
    } catch {
      return { kind: 'retry', problem: 'unreachable' };
    }
  }

  private finish(entry: Entry, result: BridgeResult<RecordAck>): void {
    this.queue.shift();
    entry.settle(result);
    this.changed();
  }

  private wait(failures: number): Promise<void> {
    const delays = this.options.retryDelaysMs ?? OUTBOX_DEFAULTS.retryDelaysMs;
    const delay = delays[Math.min(failures, delays.length - 1)] ?? 1000;
    return new Promise((resolve) => setTimeout(resolve, delay));
  }

  private changed(): void {
    this.options.onChange?.(this.state());
  }
}
