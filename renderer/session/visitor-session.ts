/**
 * One anonymous visitor session: a random id, the events it reports (handed to the kiosk in
 * order), and the stations' in-memory session values. Recording never blocks or breaks the
 * visitor flow; failures are reported to staff.
 */
import type { KioskApi, Language, SessionEndReason, VisitorEvent } from '../../electron/bridge/contract.js';
import type { SessionMemory, SessionValue } from '../../scenes/station.js';

type Unsessioned<E> = E extends unknown ? Omit<E, 'sessionId'> : never;

/** An event as the shell reports it: the session adds its id. */
export type ShellEvent = Unsessioned<Exclude<VisitorEvent, { type: 'session-start' | 'session-end' }>>;

export class VisitorSession {
  readonly id = crypto.randomUUID();
  private queue: Promise<void> = Promise.resolve();
  private ended = false;
  private readonly memory = new Map<string, Map<string, SessionValue>>();

  constructor(
    private readonly kiosk: KioskApi,
    private readonly onStorageError: (message: string) => void,
  ) {}

  start(language: Language): void {
    this.send({ type: 'session-start', sessionId: this.id, language });
  }

  /** Reports a station's (already stamped) or the shell's event for this session. */
  record(event: ShellEvent): void {
    if (this.ended) return;
    this.send({ ...event, sessionId: this.id });
  }

  /** A station's memory for the rest of this session (forgotten with the session). */
  memoryFor(stationId: string): SessionMemory {
    let values = this.memory.get(stationId);
    if (!values) {
      values = new Map();
      this.memory.set(stationId, values);
    }
    const store = values;
    return {
      get: (key) => store.get(key),
      set: (key, value) => {
        if (!this.ended) store.set(key, value);
      },
    };
  }

  end(reason: SessionEndReason): Promise<void> {
    if (!this.ended) {
      this.send({ type: 'session-end', sessionId: this.id, reason });
      this.ended = true;
      this.memory.clear();
    }
    return this.queue;
  }

  get isEnded(): boolean {
    return this.ended;
  }

  /** Resolves when everything reported so far has been answered. */
  flushed(): Promise<void> {
    return this.queue;
  }

  /**
   * Hands the event over at once: the kiosk's outbox keeps records in the order they were
   * given and retries them. Waiting here for each to be stored would hold the rest of the
   * session back, out of the outbox and behind later sessions, while the host is away.
   */
  private send(event: VisitorEvent): void {
    const answered = this.kiosk.record(event).then((result) => {
      if (!result.ok) this.onStorageError(result.error.message);
    });
    this.queue = Promise.all([this.queue, answered]).then(() => undefined);
  }
}
