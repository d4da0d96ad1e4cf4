/** The everyday chat app (blue). A contact without small print shows as "Online", as chat apps do. */
import { threadHeader } from './parts.js';
import type { PhoneSurface } from './types.js';

export const chatSurface: PhoneSurface = {
  id: 'chat',
  mode: 'chat',
  header: (contact, text) => threadHeader(contact, contact.detail ?? text.phone.online),
};
