/**
 * The DOM laid over the Phaser phone: the clock, the header the current surface builds (contact
 * bar, caller, address bar), a call's state and timer, and the message log (a live region, so
 * screen readers hear new messages). Every word on the phone lives here; the canvas underneath
 * only draws shapes. A tap anywhere on the phone asks to hurry up.
 */
import type { CheckItem, Message } from '../story/index.js';
import { richText } from '../dom/emoji.js';
import { Timers } from '../dom/timers.js';
import { screenRegions, type Rect, type ScreenMode, type StationLayout } from './layout.js';
import type { UiText } from '../story-station/ui-text.js';
import { h, place } from '../dom/dom.js';
import { bubble } from './surfaces/bubble.js';
import { surfaceFor, type CallState, type PhoneSurface, type SurfaceContact } from './surfaces/index.js';
import { DocumentViewer } from './surfaces/document.js';
import { SystemBanner } from './surfaces/system-banner.js';
import { callLook, videoCallElement } from './surfaces/video-call.js';

export type NoteKind = 'system' | 'ended' | 'timeout' | 'day';

function timeNow(): string {
  const now = new Date();
  return `${now.getHours()}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/** A call's length as a phone shows it: "0:07", "1:32". */
export function callClock(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

export class PhoneOverlay {
  readonly element: HTMLDivElement;
  private readonly status = h('span', { class: 'story-phone__time' });
  private readonly header = h('div', { class: 'story-phone__header' });
  private readonly lock = h('div', { class: 'story-phone__lock' });
  private readonly callState = h('span', { class: 'story-phone__call-state', 'data-testid': 'call-state' });
  /** The video picture of a video call (surfaces/video-call.ts); empty otherwise. */
  private readonly video = h('div', { class: 'story-phone__video' });
  private readonly banner = new SystemBanner();
  private readonly viewer = new DocumentViewer();
  readonly log: HTMLDivElement;
  private layout: StationLayout | null = null;
  private mode: ScreenMode = 'lock';
  private surface: PhoneSurface | null = null;
  private text: UiText | null = null;
  private call: { state: CallState; connectedAt: number } | null = null;
  private readonly timers = new Timers();
  private stopTick: (() => void) | null = null;

  /**
   * @param now the clock a call's timer reads (ms, monotonic)
   */
  constructor(
    label: string,
    onTap: () => void,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.log = h('div', {
      class: 'story-phone__log',
      role: 'log',
      'aria-live': 'polite',
      'aria-label': label,
    });
    this.element = h(
      'div',
      { class: 'story-phone', 'data-mode': 'lock' },
      this.video,
      this.status,
      this.header,
      this.lock,
      this.log,
      this.viewer.element,
      this.banner.element,
    );
    this.element.addEventListener('click', onTap);
  }

  /** Moves every part to match the layout. */
  setLayout(layout: StationLayout): void {
    this.layout = layout;
    place(this.element, layout.phone);
    this.element.style.setProperty('--screen-w', `${layout.screen.width}px`);
    this.placeParts();
  }

  setLabel(label: string): void {
    this.log.setAttribute('aria-label', label);
  }

  private placeParts(): void {
    const layout = this.layout;
    if (!layout) return;
    const origin = { x: layout.phone.x, y: layout.phone.y };
    const regions = screenRegions(layout.screen, this.mode);
    place(this.status, regions.status, origin);
    place(this.log, regions.log, origin);
    const headerRect: Rect = regions.header;
    place(this.header, headerRect, origin);
    place(this.lock, { ...layout.screen, height: layout.screen.height * 0.34 }, origin);
    // The video fills the screen above the log; the banner sits just under the status bar.
    place(this.video, { ...layout.screen, height: regions.log.y - layout.screen.y }, origin);
    const viewerY = regions.header.y + regions.header.height;
    place(this.viewer.element, { ...layout.screen, y: viewerY, height: regions.log.y - viewerY }, origin);
    place(this.banner.element, { ...regions.header, height: regions.header.height * 0.8 }, origin);
    // The avatar sits inside the header, over the circle the scene draws at `portrait`.
    this.header.style.setProperty('--portrait-x', `${regions.portrait.x - headerRect.x}px`);
    this.header.style.setProperty('--portrait-y', `${regions.portrait.y - headerRect.y}px`);
    this.header.style.setProperty('--portrait-r', `${regions.portrait.radius}px`);
    // A new size keeps the newest message in view (an orientation change must not cut it).
    this.log.scrollTop = this.log.scrollHeight;
  }

  private setMode(mode: ScreenMode, surfaceId: string): void {
    this.mode = mode;
    this.element.dataset.mode = mode;
    this.element.dataset.surface = surfaceId;
    this.status.textContent = timeNow();
    this.placeParts();
  }

  /**
   * The lock screen: big clock and date, and a notification only when there is something to
   * say (`hint`, e.g. "pick a situation" while the picker is up); nothing stale after that.
   */
  showLock(text: UiText, hint: string | null): void {
    this.surface = null;
    this.setCall(null);
    this.setMode('lock', 'lock');
    this.header.replaceChildren();
    this.video.replaceChildren();
    this.banner.clear();
    this.viewer.clear();
    delete this.element.dataset.look;
    const now = new Date();
    this.lock.replaceChildren(
      h('span', { class: 'story-phone__clock' }, timeNow()),
      h(
        'span',
        { class: 'story-phone__date' },
        text.phone.today,
        ` · ${now.getDate()}/${now.getMonth() + 1}`,
      ),
    );
    this.log.replaceChildren(
      ...(hint ? [h('div', { class: 'story-msg story-msg--notice' }, h('strong', {}, hint))] : []),
    );
  }

  /** A thread, call or page with `contact`, on `surface`. A call starts in its first state. */
  showContact(contact: SurfaceContact, surface: PhoneSurface, text: UiText): void {
    this.surface = surface;
    this.text = text;
    this.setMode(surface.mode, surface.id);
    this.lock.replaceChildren();
    this.header.replaceChildren(...surface.header(contact, text));
    // A caller's look (a fake officer's staged room, real help's calm one) and the video picture.
    this.element.dataset.look = callLook(contact.avatar);
    this.video.replaceChildren(
      ...(surface.mode === 'video' ? [videoCallElement(contact.avatar, contact.name)] : []),
    );
    if (surface.call) {
      this.header.append(this.callState);
      this.renderCall();
    }
  }

  /**
   * A call's state: ringing (incoming/outgoing), connected since `connectedAt` (a running
   * timer, from the clock given to the constructor), or ended. Null: not a call.
   */
  setCall(state: CallState | null, connectedAt = this.now()): void {
    this.call = state ? { state, connectedAt } : null;
    this.renderCall();
  }

  private renderCall(): void {
    this.stopTick?.();
    this.stopTick = null;
    const text = this.text;
    const surface = this.surface;
    if (!text || !surface?.call) return;
    const state = this.call?.state ?? surface.call;
    this.callState.dataset.state = state;
    if (state === 'connected') {
      const connectedAt = this.call?.connectedAt ?? this.now();
      const tick = (): void => {
        this.callState.textContent = callClock(this.now() - connectedAt);
      };
      tick();
      this.stopTick = this.timers.every(1000, tick);
      return;
    }
    this.callState.textContent =
      state === 'ended'
        ? text.phone.callEnded
        : state === 'outgoing'
          ? text.phone.calling
          : surface.mode === 'video'
            ? text.phone.videoCall
            : text.phone.incomingCall;
  }

  /** Empties the message log. */
  clearLog(): void {
    this.log.replaceChildren();
    this.banner.clear();
    this.viewer.clear();
  }

  /** Appends a message, as the current surface shows it, and keeps the newest in view. */
  addMessage(message: Message, text: UiText): void {
    if (message.kind === 'banner') this.banner.show(message);
    if (message.kind === 'document') this.viewer.show(message);
    if (message.kind === 'place') this.viewer.showPlace(message);
    this.append(this.surface?.message?.(message, text) ?? bubble(message, text));
  }

  /** Appends a centred note (day, system, ended, time up). */
  addNote(kind: NoteKind, content: string): void {
    // Once the visitor has answered, a card shared over the video call is put away.
    if (kind === 'timeout') this.viewer.clear();
    this.append(h('div', { class: `story-msg story-msg--${kind}` }, ...richText(content)));
  }

  /**
   * The visitor's own action ("Tap the link"), shown as something they did, not as a message
   * sent to the other side.
   */
  addAction(label: string, text: UiText): void {
    // Once the visitor has answered, a card shared over the video call is put away.
    this.viewer.clear();
    this.append(
      h(
        'div',
        { class: 'story-msg story-msg--action' },
        h('span', { class: 'story-action__who' }, text.phone.youDid),
        h('span', { class: 'story-action__what' }, ...richText(label)),
      ),
    );
  }

  /** A "scam or safe?" item shown as it would arrive. */
  showCheckItem(item: CheckItem, text: UiText): void {
    this.showContact(
      { name: item.sender.name, avatar: item.sender.avatar ?? 'stranger' },
      surfaceFor({ channel: item.sender.channel }),
      text,
    );
    this.setCall(null);
    this.clearLog();
    this.addNote('day', text.phone.today);
    if (item.link) {
      this.append(bubble({ kind: 'link', text: item.text, url: item.link, delayMs: 0 }, text));
    } else {
      this.append(bubble({ kind: 'text', text: item.text, delayMs: 0 }, text));
    }
  }

  /** Stops the call timer. */
  destroy(): void {
    this.timers.clear();
    this.stopTick = null;
  }

  private append(element: HTMLElement): void {
    this.log.append(element);
    this.log.scrollTop = this.log.scrollHeight;
  }
}
