/**
 * Starts and stops the phone game, in the style of Phaser's Vite template (`StartGame`): one
 * factory, scenes in their own files. The game draws into `parent`, sized by the DOM to the
 * phone's stage, with a transparent canvas over the station's CSS backdrop.
 */
import * as Phaser from 'phaser';
import { MODEL_REGISTRY_KEY } from './keys.js';
import type { PhoneModel } from './phone-model.js';
import { Boot } from './scenes/Boot.js';
import { PhoneScene } from './scenes/Phone.js';
import { Preloader } from './scenes/Preloader.js';

/** Creates the game in `parent`; the scene reads `model` every frame. */
export function startGame(parent: HTMLElement, model: PhoneModel): Phaser.Game {
  const game = new Phaser.Game({
    type: Phaser.AUTO,
    parent,
    transparent: true,
    banner: false,
    autoFocus: false,
    disableContextMenu: true,
    // Every tap is handled by the DOM (text and buttons live there), and sound by the shell.
    input: { keyboard: false, mouse: false, touch: false, gamepad: false },
    audio: { noAudio: true },
    scale: { mode: Phaser.Scale.RESIZE, width: '100%', height: '100%' },
    render: { antialias: true, powerPreference: 'default' },
    scene: [Boot, Preloader, PhoneScene],
  });
  game.registry.set(MODEL_REGISTRY_KEY, model);
  return game;
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
}
