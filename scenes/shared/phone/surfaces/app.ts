/**
 * A second messaging app (purple), for the moment a scammer says "let's move to another app":
 * the phone visibly switches app, not just the subtitle.
 */
import { threadHeader } from './parts.js';
import type { PhoneSurface } from './types.js';

export const appSurface: PhoneSurface = {
  id: 'app',
  mode: 'app',
  header: (contact, text) => threadHeader(contact, contact.detail ?? text.phone.online),
};
