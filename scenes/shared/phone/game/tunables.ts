/** Named constants for the phone's look and motion (colours match renderer/styles/tokens.css). */

export const COLOURS = {
  navy950: 0x070b1c,
  navy900: 0x0b1026,
  navy800: 0x141b3d,
  coral: 0xff6b5b,
  sun: 0xffc94d,
  mint: 0x3ee0b5,
  sky: 0x5aa9ff,
  rose: 0xff4d7d,
  white: 0xffffff,
} as const;

/** Canvas-2D colours of each screen mode (drawn into textures, so CSS strings). */
export const SCREEN_THEME = {
  sms: { background: '#f6f7fb', header: '#eceff6', divider: '#d7dbe7', status: '#1b2238', accent: '#2f7cf6' },
  chat: {
    background: '#dde7f7',
    header: '#1f6fff',
    divider: '#1a5fe0',
    status: '#ffffff',
    accent: '#1f6fff',
  },
  /** The second messaging app: purple, so switching app is visible at a glance. */
  app: {
    background: '#efeaff',
    header: '#6c3fd1',
    divider: '#5a31b8',
    status: '#ffffff',
    accent: '#6c3fd1',
  },
  browser: {
    background: '#ffffff',
    header: '#eef0f5',
    divider: '#d3d7e2',
    status: '#1b2238',
    accent: '#1a5fe0',
  },
  call: {
    background: '#0e1330',
    header: '#2a2f6b',
    divider: '#2a2f6b',
    status: '#ffffff',
    accent: '#3ee0b5',
  },
  video: {
    background: '#0c0d12',
    header: '#0c0d12',
    divider: '#0c0d12',
    status: '#ffffff',
    accent: '#3ee0b5',
  },
  lock: {
    background: '#1f2a5c',
    header: '#1f2a5c',
    divider: '#1f2a5c',
    status: '#ffffff',
    accent: '#ffc94d',
  },
} as const;

export const BODY = {
  frameTop: '#343d6b',
  frameBottom: '#151a36',
  edge: 'rgba(255,255,255,0.22)',
  shadow: 'rgba(0,0,0,0.55)',
  shadowBlur: 48,
  shadowOffsetY: 22,
  /** Transparent margin around the body texture so the shadow is not clipped. */
  pad: 70,
} as const;

export const MOTION = {
  /** Typing dots: one bounce cycle, and each dot's phase lag. */
  typingPeriodMs: 900,
  typingLagMs: 150,
  /** Call rings: one ripple's life and how many overlap. */
  rippleMs: 1800,
  ripples: 3,
  /** Deepfake glitch: how often (random in range) and how long a band slips. */
  glitchEveryMs: [900, 2600],
  glitchMs: 140,
  glitchShiftPx: 9,
  /** Feedback. */
  burstParticles: 32,
  burstLifeMs: 900,
  glowMs: 700,
  /** The countdown ring pulses in its last seconds. */
  urgentSeconds: 5,
} as const;
