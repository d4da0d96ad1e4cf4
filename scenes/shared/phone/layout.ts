/**
 * Where everything goes, as pure arithmetic on the viewport size, shared by the Phaser scene
 * (which draws the phone) and the DOM overlays (which put text and buttons on top of it), so
 * the two can never drift apart. Landscape: phone left, panel right. Portrait: phone on top,
 * panel below. The shell's top bar owns the top strip of the screen.
 */

export interface Rect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Circle {
  readonly x: number;
  readonly y: number;
  readonly radius: number;
}

export type Orientation = 'landscape' | 'portrait';

/**
 * How the phone screen is painted: a lock screen, a message thread (SMS, the chat app, a second
 * messaging app), a call, a video call, or a web browser. Surfaces (surfaces/) pick one.
 */
export type ScreenMode = 'lock' | 'sms' | 'chat' | 'app' | 'call' | 'video' | 'browser';

export interface StationLayout {
  readonly orientation: Orientation;
  readonly viewport: { readonly width: number; readonly height: number };
  /** The phone's body, in viewport pixels. */
  readonly phone: Rect;
  /** The phone's glass, inside the bezel. */
  readonly screen: Rect;
  /** The Phaser canvas: the phone, room for its effects, and the countdown ring. */
  readonly stage: Rect;
  /** The DOM panel: scenario cards, choices, feedback, debrief, checks. */
  readonly panel: Rect;
  /**
   * The panel for long reads (the debrief): in portrait it takes the phone's place too, so the
   * hotlines are on screen without scrolling; in landscape it is the panel.
   */
  readonly panelFull: Rect;
  /** The countdown ring, at the panel's top-left corner, next to the question. */
  readonly ring: Circle;
}

/** Named tunables of the layout, as fractions of the viewport's short side (vmin) unless noted. */
export const LAYOUT = {
  /** Space kept clear for the shell's top bar (brand, back, language, help): ~113 px at 1080. */
  topBar: 0.12,
  topBarMin: 100,
  edge: 0.035,
  edgeMin: 24,
  /**
   * Phone width ÷ height: a little wider than a real handset (0.48), so that its text can be
   * read standing a metre away (26–30 px) with a phone's line lengths.
   */
  phoneAspect: 0.52,
  /** Landscape: the phone's share of the viewport width at most. */
  phoneMaxWidthShare: 0.3,
  /** Portrait: the phone's share of the viewport height (the panel below keeps the rest). */
  portraitPhoneShare: 0.54,
  gap: 0.07,
  panelMaxWidth: 1150,
  ringRadius: 0.055,
  ringRadiusMin: 44,
  /** Bezel and corner radii, as fractions of the phone width. */
  bezel: 0.035,
  bodyRadius: 0.14,
  screenRadius: 0.11,
  /** Room around the phone for the glow and burst effects, as a fraction of its width. */
  effectPad: 0.14,
} as const;

function rect(x: number, y: number, width: number, height: number): Rect {
  return { x: Math.round(x), y: Math.round(y), width: Math.round(width), height: Math.round(height) };
}

function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return rect(x, y, Math.max(a.x + a.width, b.x + b.width) - x, Math.max(a.y + a.height, b.y + b.height) - y);
}

function grow(r: Rect, by: number): Rect {
  return rect(r.x - by, r.y - by, r.width + 2 * by, r.height + 2 * by);
}

function clampTo(r: Rect, width: number, height: number): Rect {
  const x = Math.max(0, r.x);
  const y = Math.max(0, r.y);
  return rect(x, y, Math.min(width, r.x + r.width) - x, Math.min(height, r.y + r.height) - y);
}

/**
 * The layout for a viewport of `width` × `height` CSS pixels.
 * @throws Error for a non-positive or non-finite size
 */
export function computeLayout(width: number, height: number): StationLayout {
  if (!(width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height))) {
    throw new Error(`computeLayout: bad viewport ${width}×${height}`);
  }
  const vmin = Math.min(width, height);
  const top = Math.max(LAYOUT.topBarMin, LAYOUT.topBar * vmin);
  const edge = Math.max(LAYOUT.edgeMin, LAYOUT.edge * vmin);
  const gap = LAYOUT.gap * vmin;
  const radius = Math.round(Math.max(LAYOUT.ringRadiusMin, LAYOUT.ringRadius * vmin));
  const orientation: Orientation = width >= height ? 'landscape' : 'portrait';

  let phone: Rect;
  let panel: Rect;
  if (orientation === 'landscape') {
    const phoneHeight = Math.min(
      height - top - edge,
      (width * LAYOUT.phoneMaxWidthShare) / LAYOUT.phoneAspect,
    );
    const phoneWidth = phoneHeight * LAYOUT.phoneAspect;
    const panelWidth = Math.min(LAYOUT.panelMaxWidth, width - phoneWidth - gap - 3 * edge);
    // Centre the phone + panel group so wide screens do not leave one side empty.
    const left = Math.max(edge, (width - (phoneWidth + gap + panelWidth)) / 2);
    phone = rect(left, top + (height - top - edge - phoneHeight) / 2, phoneWidth, phoneHeight);
    panel = rect(left + phoneWidth + gap, top, panelWidth, height - top - edge);
  } else {
    const phoneHeight = Math.min(
      height * LAYOUT.portraitPhoneShare,
      ((width - 2 * edge) / LAYOUT.phoneAspect) * 0.8,
    );
    const phoneWidth = phoneHeight * LAYOUT.phoneAspect;
    phone = rect((width - phoneWidth) / 2, top, phoneWidth, phoneHeight);
    const panelTop = top + phoneHeight + gap / 2;
    const panelWidth = Math.min(LAYOUT.panelMaxWidth, width - 2 * edge);
    panel = rect((width - panelWidth) / 2, panelTop, panelWidth, height - panelTop - edge);
  }
  const bezel = phone.width * LAYOUT.bezel;
  const screen = rect(phone.x + bezel, phone.y + bezel, phone.width - 2 * bezel, phone.height - 2 * bezel);
  const ring: Circle = { x: panel.x + radius + 4, y: panel.y + radius + 4, radius };
  const ringBox = rect(ring.x - radius, ring.y - radius, 2 * radius, 2 * radius);
  const pad = phone.width * LAYOUT.effectPad;
  const stage = clampTo(union(grow(phone, pad), grow(ringBox, 12)), width, height);
  const panelFull =
    orientation === 'portrait' ? rect(panel.x, top, panel.width, panel.y + panel.height - top) : panel;
  return { orientation, viewport: { width, height }, phone, screen, stage, panel, panelFull, ring };
}

/** The parts of the phone screen for one mode, in viewport pixels. */
export interface ScreenRegions {
  readonly status: Rect;
  /** Contact bar (thread modes) or the caller's name block (call modes). */
  readonly header: Rect;
  /** Where the DOM message log sits. */
  readonly log: Rect;
  /** Strip under the log where the typing dots appear. */
  readonly typing: Rect;
  /** The (decorative) input bar, or the hang-up button row in calls. */
  readonly footer: Rect;
  /** The big avatar (calls) or the face (video calls). */
  readonly portrait: Circle;
}

/** Fractions of the screen's width (w) or height (h) for each region. */
export const SCREEN = {
  statusH: 0.085, // × w
  headerH: 0.28, // × w: a name and small print, each up to two lines
  footerH: 0.17, // × w
  typingH: 0.15, // × w
  callPortraitY: 0.16, // × h
  callPortraitR: 0.15, // × w
  callHeaderY: 0.245, // × h
  callHeaderH: 0.16, // × h
  callLogY: 0.41, // × h: room for the words said, the call's clue among them
  videoLogY: 0.58, // × h: the captions start under the face (VIDEO_FACE), never over it
  callFooterH: 0.14, // × h
} as const;

/** Splits the phone's screen into regions for `mode`. */
export function screenRegions(screen: Rect, mode: ScreenMode): ScreenRegions {
  const w = screen.width;
  const h = screen.height;
  const status = rect(screen.x, screen.y, w, w * SCREEN.statusH);
  const bottom = screen.y + h;
  if (mode === 'call' || mode === 'video') {
    const footer = rect(screen.x, bottom - h * SCREEN.callFooterH, w, h * SCREEN.callFooterH);
    const typing = rect(screen.x, footer.y - w * SCREEN.typingH, w, w * SCREEN.typingH);
    const logY = screen.y + h * (mode === 'call' ? SCREEN.callLogY : SCREEN.videoLogY);
    const log = rect(screen.x, logY, w, typing.y - logY);
    const portrait: Circle =
      mode === 'call'
        ? { x: screen.x + w / 2, y: screen.y + h * SCREEN.callPortraitY, radius: w * SCREEN.callPortraitR }
        : { x: screen.x + w / 2, y: screen.y + h * 0.3, radius: w * 0.5 };
    const header =
      mode === 'call'
        ? rect(screen.x, screen.y + h * SCREEN.callHeaderY, w, h * SCREEN.callHeaderH)
        : rect(screen.x, status.y + status.height, w, w * SCREEN.headerH);
    return { status, header, log, typing, footer, portrait };
  }
  const header = rect(screen.x, status.y + status.height, w, w * SCREEN.headerH);
  const footer = rect(screen.x, bottom - w * SCREEN.footerH, w, w * SCREEN.footerH);
  const typing = rect(screen.x, footer.y - w * SCREEN.typingH, w, w * SCREEN.typingH);
  const logY = mode === 'lock' ? screen.y + h * 0.34 : header.y + header.height;
  const log = rect(screen.x, logY, w, typing.y - logY);
  const portrait: Circle = { x: header.x + w * 0.13, y: header.y + header.height / 2, radius: w * 0.075 };
  return { status, header, log, typing, footer, portrait };
}
