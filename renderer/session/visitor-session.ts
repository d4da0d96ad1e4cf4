/**
 * One anonymous visitor session: a random id, and the events it reports, sent in order.
 * Recording never blocks or breaks the visitor flow; failures are reported to staff.
 */
import type { KioskApi, Language, SessionEndReason, VisitorEvent } from '../../electron/bridge/contract.js';
import type { StationEvent } from '../../scenes/station.js';

export class VisitorSession {
  readonly id = crypto.randomUUID();
  private queue: Promise<void> = Promise.resolve();
  private ended = false;

  constructor(
    private readonly kiosk: KioskApi,
    private readonly onStorageError: (message: string) => void,
  ) {}

  start(language: Language): void {
    this.send({ type: 'session-start', sessionId: this.id, language });
  }

  /** Reports a station's or the shell's event for this session. */
  record(event: StationEvent): void {
    if (this.ended) return;
    this.send({ ...event, sessionId: this.id });
  }

  end(reason: SessionEndReason): Promise<void> {
    if (!this.ended) {
      this.send({ type: 'session-end', sessionId: this.id, reason });
      this.ended = true;
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

  private send(event: VisitorEvent): void {
    this.queue = this.queue.then(async () => {
      const result = await this.kiosk.record(event);
      if (!result.ok) this.onStorageError(result.error.message);
    });
  }
}
