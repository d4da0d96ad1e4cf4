/**
 * The phone's live layer: typing dots, call ripples, the deepfake's glitches and talking
 * mouth, the countdown ring and the feedback effects (a green burst for a red flag spotted, a
 * red flash for a risky choice). It reads the shared PhoneModel every frame and never touches
 * the DOM. The phone's still body and screen are painted once into canvases under this one
 * (see phone-backdrop.ts), so a frame here costs only what moves.
 */
import * as Phaser from 'phaser';
import { LAYOUT, screenRegions, type Rect } from '../../layout.js';
import { mouthPoint, paintDeepfake } from '../draw/deepfake.js';
import { VIDEO_FACE } from '../draw/screens.js';
import { MODEL_REGISTRY_KEY, SceneKey, TextureKey } from '../keys.js';
import { PhoneModel, type PhoneEffect } from '../../phone-model.js';
import { COLOURS, MOTION } from '../tunables.js';

const DOT_COUNT = 3;

/** Typing-bubble colours per mode: [bubble, bubble alpha, dots]. */
const TYPING_STYLE = {
  sms: [0xe3e6ee, 1, 0x7a829c],
  chat: [0xffffff, 1, 0x8a93ad],
  app: [0xffffff, 1, 0x8a7bb5],
  browser: [0xe3e6ee, 1, 0x7a829c],
  call: [0xffffff, 0.16, 0xffffff],
  video: [0x000000, 0.45, 0xffffff],
  lock: [0xffffff, 0.2, 0xffffff],
} as const;

const EFFECT_COLOURS: Readonly<Record<PhoneEffect, readonly number[]>> = {
  spotted: [COLOURS.mint, COLOURS.sun, COLOURS.sky, COLOURS.white],
  risky: [COLOURS.rose, COLOURS.coral],
  timeout: [COLOURS.coral, COLOURS.sun],
};

export class PhoneScene extends Phaser.Scene {
  private model!: PhoneModel;
  private seenVersion = -1;
  private glitch!: Phaser.GameObjects.Image;
  private mouth!: Phaser.GameObjects.Image;
  private glow!: Phaser.GameObjects.Graphics;
  private typingBubble!: Phaser.GameObjects.Rectangle;
  private readonly dots: Phaser.GameObjects.Arc[] = [];
  private readonly ripples: Phaser.GameObjects.Arc[] = [];
  private ring!: Phaser.GameObjects.Graphics;
  private readonly sparks = new Map<PhoneEffect, Phaser.GameObjects.Particles.ParticleEmitter>();
  private phone: Rect = { x: 0, y: 0, width: 0, height: 0 };
  private dotBaseY = 0;
  private dotSize = 0;
  private mouthBaseScale = 1;
  private glitchBand = { x: 0, y: 0, width: 0, height: 0 };
  private nextGlitchAt = 0;
  private glitchUntil = 0;
  private ringDrawnFor = '';

  constructor() {
    super(SceneKey.Phone);
  }

  create(): void {
    const model: unknown = this.registry.get(MODEL_REGISTRY_KEY);
    if (!(model instanceof PhoneModel)) throw new Error('PhoneScene: no PhoneModel in the registry');
    this.model = model;

    this.glitch = this.add.image(0, 0, '__WHITE').setOrigin(0).setVisible(false);
    this.mouth = this.add.image(0, 0, TextureKey.Mouth).setVisible(false);
    // Shapes, not textures: on software WebGL the cost is the pixels filled, and a shape fills
    // only its outline where a texture fills its whole (mostly transparent) square.
    for (let i = 0; i < MOTION.ripples; i++) {
      this.ripples.push(this.add.circle(0, 0, 10).setStrokeStyle(3, COLOURS.white, 0.7).setVisible(false));
    }
    this.typingBubble = this.add.rectangle(0, 0, 10, 10, COLOURS.white).setOrigin(0).setVisible(false);
    for (let i = 0; i < DOT_COUNT; i++)
      this.dots.push(this.add.circle(0, 0, 4, COLOURS.white).setVisible(false));
    this.ring = this.add.graphics().setVisible(false);
    this.glow = this.add.graphics().setAlpha(0);
    for (const [effect, tint] of Object.entries(EFFECT_COLOURS) as [PhoneEffect, readonly number[]][]) {
      this.sparks.set(
        effect,
        this.add.particles(0, 0, TextureKey.Spark, {
          emitting: false,
          speed: effect === 'spotted' ? { min: 160, max: 560 } : { min: 60, max: 260 },
          angle: { min: 0, max: 360 },
          lifespan: MOTION.burstLifeMs,
          scale: { start: 1.1, end: 0 },
          alpha: { start: 1, end: 0 },
          gravityY: effect === 'spotted' ? 260 : 520,
          // Normal blending: additive sparks vanish into white on the light SMS and chat screens.
          tint: [...tint],
        }),
      );
    }

    this.scale.on(Phaser.Scale.Events.RESIZE, this.onResize);
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      this.scale.off(Phaser.Scale.Events.RESIZE, this.onResize);
    });
  }

  override update(time: number): void {
    if (this.model.version !== this.seenVersion) this.rebuild();
    this.animateTyping(time);
    this.animateRipples(time);
    this.animateGlitch(time);
    this.drawCountdown(performance.now());
    for (const effect of this.model.takeEffects()) this.play(effect);
  }

  private readonly onResize = (size: Phaser.Structs.Size): void => {
    this.cameras.resize(size.width, size.height);
  };

  /** Stage-local coordinates of a viewport rectangle. */
  private local(r: Rect): Rect {
    const { stage } = this.model.layout;
    return { x: r.x - stage.x, y: r.y - stage.y, width: r.width, height: r.height };
  }

  /** Moves everything after a mode or layout change; repaints the face band for video calls. */
  private rebuild(): void {
    this.seenVersion = this.model.version;
    const { layout, mode } = this.model;
    this.phone = this.local(layout.phone);
    const screen = this.local(layout.screen);
    this.cameras.resize(layout.stage.width, layout.stage.height);

    const regions = screenRegions(screen, mode);
    const typing = regions.typing;
    const [bubbleColour, bubbleAlpha, dotColour] = TYPING_STYLE[mode];
    const bubbleH = typing.height * 0.62;
    const bubbleW = bubbleH * 2.1;
    this.typingBubble
      .setPosition(typing.x + typing.height * 0.3, typing.y + (typing.height - bubbleH) / 2)
      .setSize(bubbleW, bubbleH)
      .setFillStyle(bubbleColour, bubbleAlpha)
      .setRounded(bubbleH / 2);
    this.dotSize = bubbleH * 0.13;
    this.dotBaseY = typing.y + typing.height / 2;
    this.dots.forEach((dot, i) => {
      dot
        .setRadius(this.dotSize)
        .setFillStyle(dotColour, 1)
        .setPosition(this.typingBubble.x + bubbleW * (0.3 + i * 0.2), this.dotBaseY);
    });

    for (const ripple of this.ripples) {
      ripple.setPosition(regions.portrait.x, regions.portrait.y).setRadius(regions.portrait.radius);
    }

    const face = {
      x: screen.x,
      y: screen.y + screen.height * VIDEO_FACE.top,
      width: screen.width,
      height: screen.height * VIDEO_FACE.height,
    };
    const mouth = mouthPoint(face);
    this.mouthBaseScale = mouth.width / this.mouth.frame.width;
    this.mouth
      .setPosition(mouth.x, mouth.y)
      .setScale(this.mouthBaseScale)
      .setVisible(mode === 'video');
    if (mode === 'video') this.paintFace(face);
    this.glitch.setVisible(false);

    for (const emitter of this.sparks.values()) {
      emitter.setPosition(screen.x + screen.width / 2, screen.y + screen.height * 0.45);
    }
    this.ring.setPosition(layout.ring.x - layout.stage.x, layout.ring.y - layout.stage.y);
    this.ringDrawnFor = '';
  }

  /** The same face the backdrop shows, as a texture the glitch can slice. */
  private paintFace(face: Rect): void {
    const width = Math.max(1, Math.round(face.width));
    const height = Math.max(1, Math.round(face.height));
    const existing = this.textures.exists(TextureKey.Face) ? this.textures.get(TextureKey.Face) : null;
    const texture =
      existing instanceof Phaser.Textures.CanvasTexture
        ? existing.setSize(width, height)
        : this.textures.createCanvas(TextureKey.Face, width, height);
    if (!texture) throw new Error('could not create the face texture');
    texture.context.clearRect(0, 0, width, height);
    paintDeepfake(texture.context, { x: 0, y: 0, width, height }, Math.max(2, width * 0.012));
    texture.refresh();
    this.glitch.setTexture(TextureKey.Face);
    this.glitchBand = { x: face.x, y: face.y, width, height };
  }

  /** A soft halo around the phone: a few strokes, cheap to fill (a textured halo was not). */
  private drawGlow(colour: number): void {
    const { x, y, width, height } = this.phone;
    const radius = width * LAYOUT.bodyRadius;
    this.glow.clear();
    for (let i = 1; i <= 2; i++) {
      const spread = i * width * 0.025;
      this.glow.lineStyle(width * 0.035, colour, 0.6 / i);
      this.glow.strokeRoundedRect(
        x - spread,
        y - spread,
        width + 2 * spread,
        height + 2 * spread,
        radius + spread,
      );
    }
  }

  private animateTyping(time: number): void {
    const visible = this.model.typing;
    this.typingBubble.setVisible(visible);
    this.dots.forEach((dot, i) => {
      dot.setVisible(visible);
      if (!visible) return;
      const phase = ((time - i * MOTION.typingLagMs) % MOTION.typingPeriodMs) / MOTION.typingPeriodMs;
      const lift = Math.max(0, Math.sin(phase * Math.PI * 2));
      dot.setY(this.dotBaseY - lift * this.dotSize * 1.6).setAlpha(0.45 + 0.55 * lift);
    });
    if (this.model.mode === 'video') {
      // The fake friend's mouth moves while "talking", a little out of step with the words.
      const open = visible ? 0.5 + 0.5 * Math.abs(Math.sin(time / 95) * Math.sin(time / 230)) : 0.25;
      this.mouth.setScale(this.mouthBaseScale, this.mouthBaseScale * (0.6 + open * 1.6));
    }
  }

  private animateRipples(time: number): void {
    const active = this.model.mode === 'call' && (this.model.ringing || this.model.typing);
    this.ripples.forEach((ripple, i) => {
      ripple.setVisible(active);
      if (!active) return;
      const t = ((time + (i * MOTION.rippleMs) / MOTION.ripples) % MOTION.rippleMs) / MOTION.rippleMs;
      ripple.setScale(1 + t * 0.7).setAlpha((1 - t) * 0.8);
    });
  }

  /** Now and then a band of the face slips sideways, as deepfake video does. */
  private animateGlitch(time: number): void {
    if (this.model.mode !== 'video') {
      this.glitch.setVisible(false);
      return;
    }
    if (time >= this.nextGlitchAt) {
      const [min, max] = MOTION.glitchEveryMs;
      this.nextGlitchAt = time + min + Math.random() * (max - min);
      this.glitchUntil = time + MOTION.glitchMs;
      const band = this.glitchBand;
      const bandHeight = band.height * (0.05 + Math.random() * 0.06);
      const top = band.height * (0.3 + Math.random() * 0.35);
      this.glitch
        .setCrop(0, top, band.width, bandHeight)
        .setPosition(band.x + (Math.random() < 0.5 ? -1 : 1) * MOTION.glitchShiftPx, band.y);
    }
    this.glitch.setVisible(time < this.glitchUntil);
  }

  private drawCountdown(now: number): void {
    const countdown = this.model.countdown;
    if (!countdown) {
      this.ring.setVisible(false);
      return;
    }
    const { radius } = this.model.layout.ring;
    const leftMs = Math.max(0, countdown.durationMs - (now - countdown.startedAtMs));
    const fraction = leftMs / countdown.durationMs;
    const urgent = leftMs <= MOTION.urgentSeconds * 1000;
    // Redraw only when the arc visibly changes (about 1° steps), not every frame.
    const key = `${Math.round(fraction * 360)}|${String(urgent)}|${radius}`;
    if (key !== this.ringDrawnFor) {
      this.ringDrawnFor = key;
      const colour = urgent ? COLOURS.rose : fraction > 0.5 ? COLOURS.sun : COLOURS.coral;
      const width = radius * 0.2;
      this.ring.clear();
      this.ring.fillStyle(COLOURS.navy800, 0.92).fillCircle(0, 0, radius);
      this.ring.lineStyle(width, COLOURS.white, 0.14).strokeCircle(0, 0, radius - width / 2);
      if (fraction > 0) {
        this.ring.lineStyle(width, colour, 1).beginPath();
        this.ring.arc(0, 0, radius - width / 2, -Math.PI / 2, -Math.PI / 2 + fraction * Math.PI * 2, false);
        this.ring.strokePath();
      }
    }
    const pulse = urgent ? 1 + 0.06 * Math.sin(now / 90) : 1;
    this.ring.setVisible(true).setScale(pulse);
  }

  private play(effect: PhoneEffect): void {
    // Graphics cannot be tinted: the halo is redrawn in the effect's colour.
    this.drawGlow(effect === 'spotted' ? COLOURS.mint : effect === 'risky' ? COLOURS.rose : COLOURS.coral);
    this.tweens.killTweensOf(this.glow);
    this.glow.setAlpha(0);
    this.tweens.add({
      targets: this.glow,
      alpha: { from: 0, to: 1 },
      duration: MOTION.glowMs / 2,
      yoyo: true,
      ease: 'Sine.easeOut',
    });
    this.sparks
      .get(effect)
      ?.explode(effect === 'spotted' ? MOTION.burstParticles : MOTION.burstParticles / 2);
  }
}
