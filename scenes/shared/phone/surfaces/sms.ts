/** The SMS app: a grey thread. The small print is the content's (never "Online": SMS has no presence). */
import { threadHeader } from './parts.js';
import type { PhoneSurface } from './types.js';

export const smsSurface: PhoneSurface = {
  id: 'sms',
  mode: 'sms',
  header: (contact) => threadHeader(contact, contact.detail),
};
