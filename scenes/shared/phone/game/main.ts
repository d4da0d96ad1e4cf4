/**
 * Starts and stops the phone game, in the style of Phaser's Vite template (`StartGame`): one
 * factory, scenes in their own files. The game draws into `parent`, sized by the DOM to the
 * phone's stage, with a transparent canvas over the phone's still layers (phone-backdrop.ts).
 */
import * as Phaser from 'phaser';
import { MODEL_REGISTRY_KEY } from './keys.js';
import type { PhoneModel } from '../phone-model.js';
import { Boot } from './scenes/Boot.js';
import { PhoneScene } from './scenes/Phone.js';
import { Preloader } from './scenes/Preloader.js';

type Added = { type: string; listener: EventListenerOrEventListenerObject }[];

/** Document listeners Phaser added for each game, so stopGame can remove them. */
const bootListeners = new WeakMap<Phaser.Game, Added>();

/**
 * Records the listeners added to `document` until the current task's synchronous work is done.
 * Phaser's visibility handler adds a `visibilitychange` listener right after `postBoot` and
 * never removes it (Game.destroy forgets it); one per visit adds up on a kiosk.
 */
function recordDocumentListeners(added: Added): void {
  const target = document;
  target.addEventListener = (
    type: string,
    listener: EventListenerOrEventListenerObject | null,
    options?: boolean | AddEventListenerOptions,
  ): void => {
    if (listener) added.push({ type, listener });
    EventTarget.prototype.addEventListener.call(target, type, listener, options);
  };
  queueMicrotask(() => {
    // Back to the prototype's method: the own property only lives for this boot step.
    Reflect.deleteProperty(target, 'addEventListener');
  });
}

/** Creates the game in `parent`; the scene reads `model` every frame. */
export function startGame(parent: HTMLElement, model: PhoneModel): Phaser.Game {
  const added: Added = [];
  const game = createGame(parent, () => {
    recordDocumentListeners(added);
  });
  bootListeners.set(game, added);
  game.registry.set(MODEL_REGISTRY_KEY, model);
  return game;
}

/**
 * Starts any other Phaser game (another station's) so that `stopGame` frees it the same way:
 * the document listeners Phaser adds at boot are recorded and removed with the game.
 */
export function startTrackedGame(config: Phaser.Types.Core.GameConfig): Phaser.Game {
  const added: Added = [];
  const postBoot = config.callbacks?.postBoot;
  const game = new Phaser.Game({
    ...config,
    callbacks: {
      ...config.callbacks,
      postBoot: (booted) => {
        recordDocumentListeners(added);
        postBoot?.(booted);
      },
    },
  });
  bootListeners.set(game, added);
  return game;
}

/**
 * The settings every station's Phaser game shares: it draws behind the DOM, which handles
 * every tap (text and buttons live there), while sound belongs to the shell.
 */
export function domDrivenGameConfig(parent: HTMLElement): Phaser.Types.Core.GameConfig {
  return {
    type: Phaser.AUTO,
    parent,
    transparent: true,
    banner: false,
    autoFocus: false,
    disableContextMenu: true,
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    audio: { noAudio: true },
    // expandParent off: the station mounts while the shell still hides its layer, and Phaser
    // would then "fix" the zero-sized parent by stretching it to 100% of the screen.
    scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%', expandParent: false },
    // No MSAA: on software WebGL it halves the frame rate as soon as anything is drawn
    // (measured: 58 → 30 fps for three dots); texture filtering stays smooth.
    render: { antialias: true, antialiasGL: false },
  };
}

function createGame(parent: HTMLElement, postBoot: () => void): Phaser.Game {
  return new Phaser.Game({
    ...domDrivenGameConfig(parent),
    scene: [Boot, Preloader, PhoneScene],
    callbacks: { postBoot },
  });
}

/**
 * Destroys the game and its canvas, then releases the WebGL context at once: browsers cap
 * live contexts (about 16), and a context left for the garbage collector would, after enough
 * plays, make Chromium drop the oldest live one: the hub's 3D world.
 */
export function stopGame(game: Phaser.Game): void {
  const canvas = game.canvas as HTMLCanvasElement | null;
  const renderer = game.renderer as Partial<Phaser.Renderer.WebGL.WebGLRenderer> | null;
  const gl = renderer && 'gl' in renderer ? renderer.gl : undefined;
  game.events.once(Phaser.Core.Events.DESTROY, () => {
    // After Phaser has freed its own GL objects (renderer.destroy runs right after this event).
    setTimeout(() => {
      gl?.getExtension('WEBGL_lose_context')?.loseContext();
    }, 0);
  });
  game.destroy(true);
  // A game destroyed before it booted never runs its loop; drop the canvas ourselves.
  canvas?.remove();
  for (const { type, listener } of bootListeners.get(game) ?? [])
    document.removeEventListener(type, listener);
  bootListeners.delete(game);
  // Phaser's blur/focus handlers point at this game's emitter; the next game sets its own.
  window.onblur = null;
  window.onfocus = null;
}
