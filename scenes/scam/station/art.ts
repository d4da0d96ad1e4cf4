/**
 * Pictures the station shows, by content id: an emoji per scenario card and per avatar id
 * used in the content files. All bundled Twemoji SVGs (licence in assets/LICENSES.md, like the
 * shell's); nothing is fetched at run time. Unknown ids fall back to a plain person, so a new
 * avatar id in the content never breaks the phone.
 */
import bank from '@twemoji/svg/1f3e6.svg?url';
import browser from '@twemoji/svg/1f310.svg?url';
import clinic from '@twemoji/svg/1f3e5.svg?url';
import school from '@twemoji/svg/1f3eb.svg?url';
import crown from '@twemoji/svg/1f451.svg?url';
import dad from '@twemoji/svg/1f468.svg?url';
import friend from '@twemoji/svg/1f9d1.svg?url';
import game from '@twemoji/svg/1f3ae.svg?url';
import headset from '@twemoji/svg/1f9d1-200d-1f4bc.svg?url';
import library from '@twemoji/svg/1f4da.svg?url';
import mum from '@twemoji/svg/1f469.svg?url';
import parcel from '@twemoji/svg/1f4e6.svg?url';
import police from '@twemoji/svg/1f46e.svg?url';
import power from '@twemoji/svg/26a1.svg?url';
import recruiter from '@twemoji/svg/1f4bc.svg?url';
import store from '@twemoji/svg/1f3ea.svg?url';
import stranger from '@twemoji/svg/1f464.svg?url';
import supportAgent from '@twemoji/svg/1f9d1-200d-1f4bb.svg?url';
import teacher from '@twemoji/svg/1f9d1-200d-1f3eb.svg?url';
import award from '@twemoji/svg/1f3c6.svg?url';
import gift from '@twemoji/svg/1f381.svg?url';
import money from '@twemoji/svg/1f4b8.svg?url';
import mask from '@twemoji/svg/1f3ad.svg?url';
import eyes from '@twemoji/svg/1f440.svg?url';
import phone from '@twemoji/svg/1f4f1.svg?url';
import flag from '@twemoji/svg/1f6a9.svg?url';
import check from '@twemoji/svg/2705.svg?url';
import cross from '@twemoji/svg/274c.svg?url';
import shield from '@twemoji/svg/1f6e1.svg?url';
import bulb from '@twemoji/svg/1f4a1.svg?url';
import fastForward from '@twemoji/svg/23e9.svg?url';
import child from '@twemoji/svg/1f9d2.svg?url';
import target from '@twemoji/svg/1f3af.svg?url';
import bell from '@twemoji/svg/1f514.svg?url';
import detective from '@twemoji/svg/1f575.svg?url';

const AVATARS: Readonly<Record<string, string>> = {
  award,
  bank,
  browser,
  clinic,
  club: school,
  crown,
  dad,
  friend,
  game,
  headset,
  library,
  mum,
  parcel,
  police,
  power,
  recruiter,
  store,
  stranger,
  'support-agent': supportAgent,
  teacher,
};

/** The emoji on each scenario's card; the colour is its accent (CSS colour). */
const SCENARIOS: Readonly<Record<string, { readonly icon: string; readonly accent: string }>> = {
  'otp-bank': { icon: gift, accent: 'var(--sun)' },
  'task-scam': { icon: money, accent: 'var(--mint)' },
  'hacked-friend': { icon: mask, accent: 'var(--sky)' },
  grooming: { icon: eyes, accent: 'var(--rose)' },
};

/** The picker's order: from the most common everyday scam to the most serious harm. */
const ORDER = ['otp-bank', 'task-scam', 'hacked-friend', 'grooming'];

/** Sorts scenario ids (or things with an id) into the picker's order; unknown ids go last, by id. */
export function byPickerOrder<T extends { readonly id: string }>(items: readonly T[]): T[] {
  const rank = (id: string): number => {
    const at = ORDER.indexOf(id);
    return at < 0 ? ORDER.length : at;
  };
  return [...items].sort((a, b) => rank(a.id) - rank(b.id) || a.id.localeCompare(b.id));
}

/** Icons of the station's own interface. */
export const UI_ICONS = {
  phone,
  flag,
  check,
  cross,
  shield,
  bulb,
  fastForward,
  child,
  target,
  bell,
  detective,
} as const;

/** The avatar picture for a content avatar id, or null when the id is not one we know. */
export function avatarUrl(avatar: string): string | null {
  return Object.hasOwn(AVATARS, avatar) ? (AVATARS[avatar] ?? null) : null;
}

/** Card art for a scenario; unknown scenarios get the phone and the coral accent. */
export function scenarioArt(id: string): { readonly icon: string; readonly accent: string } {
  return SCENARIOS[id] ?? { icon: phone, accent: 'var(--coral)' };
}
