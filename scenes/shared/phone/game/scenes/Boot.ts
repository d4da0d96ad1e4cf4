/** First scene: nothing to load from disk, so it hands straight over to the Preloader. */
import * as Phaser from 'phaser';
import { SceneKey } from '../keys.js';

export class Boot extends Phaser.Scene {
  constructor() {
    super(SceneKey.Boot);
  }

  create(): void {
    this.scene.start(SceneKey.Preloader);
  }
}
