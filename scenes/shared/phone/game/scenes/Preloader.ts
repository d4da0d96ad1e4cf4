/**
 * Makes the textures that do not depend on the screen size (the particle dot, the deepfake's
 * mouth) in code: the station ships no image files for the phone.
 */
import * as Phaser from 'phaser';
import { paintMouth, paintSpark } from '../draw/sprites.js';
import { SceneKey, TextureKey } from '../keys.js';

const SPARK_SIZE = 32;
const MOUTH = { width: 48, height: 24 } as const;

export class Preloader extends Phaser.Scene {
  constructor() {
    super(SceneKey.Preloader);
  }

  create(): void {
    this.canvasTexture(TextureKey.Spark, SPARK_SIZE, SPARK_SIZE, (ctx) => {
      paintSpark(ctx, SPARK_SIZE);
    });
    this.canvasTexture(TextureKey.Mouth, MOUTH.width, MOUTH.height, (ctx) => {
      paintMouth(ctx, MOUTH.width, MOUTH.height);
    });
    this.scene.start(SceneKey.Phone);
  }

  private canvasTexture(
    key: TextureKey,
    width: number,
    height: number,
    paint: (ctx: CanvasRenderingContext2D) => void,
  ): void {
    if (this.textures.exists(key)) return;
    const texture = this.textures.createCanvas(key, width, height);
    if (!texture) throw new Error(`could not create texture "${key}"`);
    paint(texture.context);
    texture.refresh();
  }
}
