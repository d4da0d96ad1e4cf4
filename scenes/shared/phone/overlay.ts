/**
 * The DOM laid over the Phaser phone: the clock, the contact or caller, and the message log
 * (a live region, so screen readers hear new messages). Every word on the phone lives here;
 * the canvas underneath only draws shapes. A tap anywhere on the phone asks to hurry up.
 */
import type { Channel, CheckItem, Message } from '../story/index.js';
import { avatarUrl } from './art.js';
import { richText } from '../dom/emoji.js';
import { screenRegions, type Rect, type ScreenMode, type StationLayout } from './layout.js';
import type { UiText } from '../story-station/ui-text.js';
import { h, picture, place } from '../dom/dom.js';
import { DocumentViewer } from './surfaces/document.js';
import { surfaceMessageElement } from './surfaces/messages.js';
import { SystemBanner } from './surfaces/system-banner.js';
import { callLook, videoCallElement } from './surfaces/video-call.js';

/** The phone mode for a channel. */
export function modeOf(channel: Channel): ScreenMode {
  return channel;
}

/** Who the phone shows at the top: a contact (threads) or a caller (calls). */
export interface Contact {
  readonly name: string;
  readonly detail?: string | undefined;
  readonly avatar: string;
}

export type NoteKind = 'system' | 'choice' | 'ended' | 'timeout' | 'day';

function avatar(contact: Contact, className: string): HTMLElement {
  const url = avatarUrl(contact.avatar);
  if (url) return picture(url, className);
  // An emoji written straight into the content, or else the name's first letter.
  const glyph = /\p{Extended_Pictographic}/u.test(contact.avatar)
    ? contact.avatar
    : (contact.name.trim()[0] ?? '?').toUpperCase();
  return h('span', { class: `${className} story-avatar--glyph`, 'aria-hidden': 'true' }, glyph);
}

function timeNow(): string {
  const now = new Date();
  return `${now.getHours()}:${String(now.getMinutes()).padStart(2, '0')}`;
}

/** A picture message: drawn with CSS shapes (no text inside), described by its caption. */
function artwork(art: string, description: string): HTMLElement {
  const known = ['fake-login', 'payout-screenshots', 'blurry-video'].includes(art) ? art : 'generic';
  const parts: Record<string, HTMLElement[]> = {
    'fake-login': [
      h('span', { class: 'story-art__bar' }),
      h('span', { class: 'story-art__logo' }),
      h('span', { class: 'story-art__field' }),
      h('span', { class: 'story-art__field' }),
      h('span', { class: 'story-art__button' }),
    ],
    'payout-screenshots': [
      h('span', { class: 'story-art__slip' }),
      h('span', { class: 'story-art__slip' }),
      h('span', { class: 'story-art__slip' }),
    ],
    'blurry-video': [h('span', { class: 'story-art__face' })],
    generic: [h('span', { class: 'story-art__sun' }), h('span', { class: 'story-art__hill' })],
  };
  return h(
    'figure',
    { class: 'story-msg story-msg--in story-msg--image' },
    h(
      'div',
      { class: `story-art story-art--${known}`, role: 'img', 'aria-label': description },
      ...(parts[known] ?? []),
    ),
    h('figcaption', { class: 'story-msg__caption' }, ...richText(description)),
  );
}

/** One message as the phone shows it. */
export function messageElement(message: Message, text: UiText): HTMLElement {
  switch (message.kind) {
    case 'text':
      return h('div', { class: 'story-msg story-msg--in' }, ...richText(message.text));
    case 'system':
      return h('div', { class: 'story-msg story-msg--system' }, ...richText(message.text));
    case 'link':
      return h(
        'div',
        { class: 'story-msg story-msg--in story-msg--link' },
        h('span', { class: 'story-link__title' }, ...richText(message.text)),
        // Looks like a link, goes nowhere: the visitor decides with the buttons beside the phone.
        h('span', { class: 'story-link__url' }, message.url),
        h('span', { class: 'story-sr' }, ` (${text.phone.linkNote})`),
      );
    case 'image':
      return artwork(message.art, message.text);
    case 'document':
    case 'place':
    case 'banner':
    case 'aside':
      return surfaceMessageElement(message);
  }
}

export class PhoneOverlay {
  readonly element: HTMLDivElement;
  private readonly status = h('span', { class: 'story-phone__time' });
  private readonly header = h('div', { class: 'story-phone__header' });
  private readonly lock = h('div', { class: 'story-phone__lock' });
  /** The video picture of a video call (surfaces/video-call.ts); empty otherwise. */
  private readonly video = h('div', { class: 'story-phone__video' });
  private readonly banner = new SystemBanner();
  private readonly viewer = new DocumentViewer();
  readonly log: HTMLDivElement;
  private layout: StationLayout | null = null;
  private mode: ScreenMode = 'lock';

  constructor(label: string, onTap: () => void) {
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
  }

  private setMode(mode: ScreenMode): void {
    this.mode = mode;
    this.element.dataset.mode = mode;
    this.status.textContent = timeNow();
    this.placeParts();
  }

  /** The lock screen: big clock, date and a hint notification. */
  showLock(text: UiText): void {
    this.setMode('lock');
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
      h('div', { class: 'story-msg story-msg--notice' }, h('strong', {}, text.phone.lockHint)),
    );
  }

  /** A thread or a call with `contact`, in the look of `channel`. */
  showContact(contact: Contact, channel: Channel, text: UiText): void {
    this.setMode(modeOf(channel));
    this.lock.replaceChildren();
    this.element.dataset.look = callLook(contact.avatar);
    this.video.replaceChildren(
      ...(channel === 'video' ? [videoCallElement(contact.avatar, contact.name)] : []),
    );
    if (channel === 'call' || channel === 'video') {
      const state = channel === 'call' ? text.phone.incomingCall : text.phone.videoCall;
      this.header.replaceChildren(
        h('strong', { class: 'story-phone__name' }, ...richText(contact.name)),
        contact.detail ? h('span', { class: 'story-phone__detail' }, ...richText(contact.detail)) : '',
        // A video call's detail usually says "video call" already; say it once.
        contact.detail && channel === 'video' ? '' : h('span', { class: 'story-phone__call-state' }, state),
      );
      if (channel === 'call') this.header.prepend(avatar(contact, 'story-phone__portrait'));
    } else {
      this.header.replaceChildren(
        avatar(contact, 'story-phone__avatar'),
        h(
          'span',
          { class: 'story-phone__who' },
          h('strong', { class: 'story-phone__name' }, ...richText(contact.name)),
          h('span', { class: 'story-phone__detail' }, ...richText(contact.detail ?? text.phone.online)),
        ),
      );
    }
  }

  /** Empties the message log. */
  clearLog(): void {
    this.log.replaceChildren();
    this.banner.clear();
    this.viewer.clear();
  }

  /** Appends a message bubble and keeps the newest in view. */
  addMessage(message: Message, text: UiText): void {
    if (message.kind === 'banner') this.banner.show(message);
    if (message.kind === 'document') this.viewer.show(message);
    if (message.kind === 'place') this.viewer.showPlace(message);
    this.append(messageElement(message, text));
  }

  /** Appends a centred note (day, system) or the visitor's own action. */
  addNote(kind: NoteKind, content: string): void {
    // Once the visitor has answered, a card shared over the video call is put away.
    if (kind === 'choice' || kind === 'timeout') this.viewer.clear();
    this.append(h('div', { class: `story-msg story-msg--${kind}` }, ...richText(content)));
  }

  /** A "scam or safe?" item shown as it would arrive. */
  showCheckItem(item: CheckItem, text: UiText): void {
    this.showContact(
      { name: item.sender.name, avatar: item.sender.avatar ?? 'stranger' },
      item.sender.channel,
      text,
    );
    this.clearLog();
    this.addNote('day', text.phone.today);
    if (item.link) {
      this.append(
        h(
          'div',
          { class: 'story-msg story-msg--in story-msg--link' },
          h('span', { class: 'story-link__title' }, ...richText(item.text)),
          h('span', { class: 'story-link__url' }, item.link),
          h('span', { class: 'story-sr' }, ` (${text.phone.linkNote})`),
        ),
      );
    } else {
      this.append(h('div', { class: 'story-msg story-msg--in' }, ...richText(item.text)));
    }
  }

  private append(element: HTMLElement): void {
    this.log.append(element);
    this.log.scrollTop = this.log.scrollHeight;
  }
}
