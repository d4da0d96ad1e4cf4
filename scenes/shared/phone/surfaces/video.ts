/** A video call: the face fills the top of the screen, what is said runs as captions below it. */
import { callerBlock } from './parts.js';
import type { PhoneSurface } from './types.js';

export const videoSurface: PhoneSurface = {
  id: 'video',
  mode: 'video',
  call: 'incoming',
  header: (contact) => callerBlock(contact, false),
};
