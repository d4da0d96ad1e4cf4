/**
 * The picture kit: every bundled picture a station's content may name (avatars, scenario and
 * station icons, interface icons), by a short name. Content files pick pictures by these
 * names; nothing is fetched at run time. All are Twemoji SVGs (licence in assets/LICENSES.md).
 * Add a picture here (one import, one entry) before content can use its name.
 */
import award from '@twemoji/svg/1f3c6.svg?url';
import bank from '@twemoji/svg/1f3e6.svg?url';
import bell from '@twemoji/svg/1f514.svg?url';
import browser from '@twemoji/svg/1f310.svg?url';
import bulb from '@twemoji/svg/1f4a1.svg?url';
import check from '@twemoji/svg/2705.svg?url';
import child from '@twemoji/svg/1f9d2.svg?url';
import clinic from '@twemoji/svg/1f3e5.svg?url';
import cross from '@twemoji/svg/274c.svg?url';
import crown from '@twemoji/svg/1f451.svg?url';
import dad from '@twemoji/svg/1f468.svg?url';
import detective from '@twemoji/svg/1f575.svg?url';
import eyes from '@twemoji/svg/1f440.svg?url';
import fastForward from '@twemoji/svg/23e9.svg?url';
import flag from '@twemoji/svg/1f6a9.svg?url';
import friend from '@twemoji/svg/1f9d1.svg?url';
import game from '@twemoji/svg/1f3ae.svg?url';
import gift from '@twemoji/svg/1f381.svg?url';
import handshake from '@twemoji/svg/1f91d.svg?url';
import headset from '@twemoji/svg/1f9d1-200d-1f4bc.svg?url';
import hook from '@twemoji/svg/1fa9d.svg?url';
import library from '@twemoji/svg/1f4da.svg?url';
import lock from '@twemoji/svg/1f512.svg?url';
import mask from '@twemoji/svg/1f3ad.svg?url';
import megaphone from '@twemoji/svg/1f4e3.svg?url';
import money from '@twemoji/svg/1f4b8.svg?url';
import mum from '@twemoji/svg/1f469.svg?url';
import parcel from '@twemoji/svg/1f4e6.svg?url';
import phone from '@twemoji/svg/1f4f1.svg?url';
import police from '@twemoji/svg/1f46e.svg?url';
import power from '@twemoji/svg/26a1.svg?url';
import recruiter from '@twemoji/svg/1f4bc.svg?url';
import school from '@twemoji/svg/1f3eb.svg?url';
import shield from '@twemoji/svg/1f6e1.svg?url';
import stop from '@twemoji/svg/1f6d1.svg?url';
import store from '@twemoji/svg/1f3ea.svg?url';
import stranger from '@twemoji/svg/1f464.svg?url';
import supportAgent from '@twemoji/svg/1f9d1-200d-1f4bb.svg?url';
import target from '@twemoji/svg/1f3af.svg?url';
import teacher from '@twemoji/svg/1f9d1-200d-1f3eb.svg?url';
import warning from '@twemoji/svg/26a0.svg?url';

const PICTURES: Readonly<Record<string, string>> = {
  award,
  bank,
  bell,
  browser,
  bulb,
  check,
  child,
  clinic,
  club: school,
  cross,
  crown,
  dad,
  detective,
  eyes,
  'fast-forward': fastForward,
  flag,
  friend,
  game,
  gift,
  handshake,
  headset,
  hook,
  library,
  lock,
  mask,
  megaphone,
  money,
  mum,
  parcel,
  phone,
  police,
  power,
  recruiter,
  school,
  shield,
  stop,
  store,
  stranger,
  'support-agent': supportAgent,
  target,
  teacher,
  warning,
};

/** Every picture name content may use. */
export const PICTURE_NAMES: readonly string[] = Object.keys(PICTURES);

/** The URL of a named picture, or null when the kit has no such name. */
export function pictureUrl(name: string): string | null {
  return Object.hasOwn(PICTURES, name) ? (PICTURES[name] ?? null) : null;
}

/** The URL of a named picture the code itself uses; a missing name is a programming error. */
export function picturePath(name: string): string {
  const url = pictureUrl(name);
  if (url === null) throw new Error(`picture kit: no picture "${name}"`);
  return url;
}
