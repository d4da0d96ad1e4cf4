/**
 * Voice calls: incoming (the default for the "call" channel) and outgoing (the visitor calls a
 * number they know, `"surface": "call-out"`). The overlay adds the state line and the timer.
 */
import { callerBlock } from './parts.js';
import type { PhoneSurface } from './types.js';

export const callSurface: PhoneSurface = {
  id: 'call',
  mode: 'call',
  call: 'incoming',
  header: (contact) => callerBlock(contact, true),
};

export const callOutSurface: PhoneSurface = {
  id: 'call-out',
  mode: 'call',
  call: 'outgoing',
  header: (contact) => callerBlock(contact, true),
};
