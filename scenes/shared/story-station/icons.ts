/** The story station's interface icons, from the shared picture kit. */
import { picturePath } from '../dom/pictures.js';

export const UI_ICONS = {
  phone: picturePath('phone'),
  flag: picturePath('flag'),
  check: picturePath('check'),
  cross: picturePath('cross'),
  shield: picturePath('shield'),
  bulb: picturePath('bulb'),
  fastForward: picturePath('fast-forward'),
  child: picturePath('child'),
  target: picturePath('target'),
  bell: picturePath('bell'),
  detective: picturePath('detective'),
} as const;
