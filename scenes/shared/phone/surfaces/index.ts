/**
 * The phone surfaces, by id. Content chooses one per contact with `speaker.surface`; a contact
 * without it gets its channel's surface (`sms`, `chat`, `call`, `video`). To add a surface: one
 * module in this folder exporting a `PhoneSurface`, one line in `SURFACES` (and, for a new
 * look, a `ScreenMode` painted in game/draw/screens.ts). scenes/README.md has the details.
 */
import type { Channel } from '../../story/index.js';
import { appSurface } from './app.js';
import { browserSurface } from './browser.js';
import { callOutSurface, callSurface } from './call.js';
import { chatSurface } from './chat.js';
import { smsSurface } from './sms.js';
import type { PhoneSurface } from './types.js';
import { videoSurface } from './video.js';

export type { CallState, PhoneSurface, SurfaceContact } from './types.js';

const SURFACES: ReadonlyMap<string, PhoneSurface> = new Map(
  [smsSurface, chatSurface, appSurface, callSurface, callOutSurface, videoSurface, browserSurface].map(
    (surface) => [surface.id, surface],
  ),
);

/** Every surface id the registry knows. */
export function surfaceIds(): string[] {
  return [...SURFACES.keys()];
}

/**
 * The surface for a contact: the one it names, else its channel's.
 * @throws Error naming the unknown id and the known ones
 */
export function surfaceFor(contact: {
  readonly channel: Channel;
  readonly surface?: string | undefined;
}): PhoneSurface {
  const id = contact.surface ?? contact.channel;
  const surface = SURFACES.get(id);
  if (!surface) throw new Error(`unknown phone surface "${id}" (known: ${surfaceIds().join(', ')})`);
  return surface;
}
