/**
 * Staff (admin) sessions: a random token issued on unlock, valid while it is used. Every
 * admin call extends it; ADMIN_IDLE_MS without a call ends it, as does "lock". In memory
 * only: a restart always asks for the PIN again.
 */
import crypto from 'node:crypto';
import { ADMIN_IDLE_MS, noticeMessage } from '../../bridge/admin-contract.js';
import { BridgeFailure } from '../../bridge/dispatch.js';

export const SESSION_EXPIRED_MESSAGE = noticeMessage({ code: 'session-expired', params: {} });

export interface AdminSession {
  adminToken: string;
  expiresAt: string;
}

/** One staff session at a time: unlocking again replaces the previous token. */
export class AdminSessions {
  private token: Buffer | null = null; // the token's UTF-8 bytes
  private expiresAtMs = 0;
  private readonly endListeners = new Set<() => void>();

  constructor(
    private readonly now: () => Date,
    private readonly idleMs: number = ADMIN_IDLE_MS,
  ) {}

  /** Starts a new session (ending any other) and returns its token. */
  issue(): AdminSession {
    if (this.token !== null) this.ended();
    const adminToken = crypto.randomBytes(32).toString('base64url');
    this.token = Buffer.from(adminToken);
    return { adminToken, expiresAt: this.extend() };
  }

  /**
   * Checks `adminToken` and extends the session.
   * @returns the new expiry (ISO)
   * @throws BridgeFailure 'forbidden' when the token is wrong or the session expired
   */
  touch(adminToken: string): string {
    if (!this.matches(adminToken)) throw new BridgeFailure('forbidden', SESSION_EXPIRED_MESSAGE);
    return this.extend();
  }

  /** Ends the session if `adminToken` is its token (lock). */
  end(adminToken: string): void {
    if (this.matches(adminToken)) this.ended();
  }

  /** True while `adminToken` is the live session's (does not extend it). */
  isActive(adminToken: string): boolean {
    return this.matches(adminToken);
  }

  /**
   * Calls `listener` once when the current session ends: locked, replaced, or found expired.
   * @returns a function that stops watching
   */
  onEnd(listener: () => void): () => void {
    this.endListeners.add(listener);
    return () => this.endListeners.delete(listener);
  }

  private ended(): void {
    this.token = null;
    const listeners = [...this.endListeners];
    this.endListeners.clear();
    for (const listener of listeners) listener();
  }

  private matches(adminToken: string): boolean {
    if (this.token === null) return false;
    if (this.now().getTime() >= this.expiresAtMs) {
      this.ended();
      return false;
    }
    const given = Buffer.from(adminToken);
    // Same length first (timingSafeEqual requires it); the length of a random token is no secret.
    return given.length === this.token.length && crypto.timingSafeEqual(given, this.token);
  }

  private extend(): string {
    this.expiresAtMs = this.now().getTime() + this.idleMs;
    return new Date(this.expiresAtMs).toISOString();
  }
}
