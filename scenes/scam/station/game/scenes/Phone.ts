/**
 * The phone itself: body, screen for the current mode, typing dots, call ripples, the
 * deepfake's glitches and mouth, the countdown ring and the feedback effects. It reads the
 * shared PhoneModel every frame and never touches the DOM. Static parts are baked into canvas
 * textures (redrawn only when the mode or layout changes) so a frame costs a handful of quads.
 */
import * as Phaser from 'phaser';
import { LAYOUT, screenRegions, type Rect } from '../../layout.js';
import { mouthPoint } from '../draw/deepfake.js';
import { paintBody } from '../draw/phone-body.js';
import { paintScreen, VIDEO_FACE } from '../draw/screens.js';
import { paintGlow } from '../draw/sprites.js';
import { MODEL_REGISTRY_KEY, SceneKey, TextureKey } from '../keys.js';
import { PhoneModel, type PhoneEffect } from '../phone-model.js';
import { BODY, COLOURS, MOTION } from '../tunables.js';

const DOT_COUNT = 3;

/** Typing-bubble colours per mode: [bubble, bubble alpha, dots]. */
const TYPING_STYLE = {
  sms: [0xe3e6ee, 1, 0x7a829c],
  chat: [0xffffff, 1, 0x8a93ad],
  call: [0xffffff, 0.16, 0xffffff],
  video: [0x000000, 0.45, 0xffffff],
  lock: [0xffffff, 0.2, 0xffffff],
} as const;

export class PhoneScene extends Phaser.Scene {
  private model!: PhoneModel;
  private seenVersion = -1;
  private body!: Phaser.GameObjects.Image;
  private screenImage!: Phaser.GameObjects.Image;
  private glitch!: Phaser.GameObjects.Image;
  private mouth!: Phaser.GameObjects.Image;
  private glow!: Phaser.GameObjects.Image;
  private typingBubble!: Phaser.GameObjects.Rectangle;
  private readonly dots: Phaser.GameObjects.Arc[] = [];
  private readonly ripples: Phaser.GameObjects.Arc[] = [];
  private ring!: Phaser.GameObjects.Graphics;
  private sparks!: Phaser.GameObjects.Particles.ParticleEmitter;
  private dotBaseY = 0;
  private dotSize = 0;
  private mouthBaseScale = 1;
  private glitchBand = { y: 0, height: 0, x: 0 };
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

    this.glow = this.add.image(0, 0, '__WHITE').setOrigin(0).setAlpha(0);
    this.body = this.add.image(0, 0, '__WHITE').setOrigin(0);
    this.screenImage = this.add.image(0, 0, '__WHITE').setOrigin(0);
    this.glitch = this.add.image(0, 0, '__WHITE').setOrigin(0).setVisible(false);
    this.mouth = this.add.image(0, 0, TextureKey.Mouth).setVisible(false);
    for (let i = 0; i < MOTION.ripples; i++) {
      this.ripples.push(this.add.circle(0, 0, 10).setStrokeStyle(3, COLOURS.white, 0.6).setVisible(false));
    }
    this.typingBubble = this.add.rectangle(0, 0, 10, 10, COLOURS.white).setOrigin(0).setVisible(false);
    for (let i = 0; i < DOT_COUNT; i++) this.dots.push(this.add.circle(0, 0, 4, COLOURS.white).setVisible(false));
    this.ring = this.add.graphics().setVisible(false);
    this.sparks = this.add.particles(0, 0, TextureKey.Spark, {
      emitting: false,
      speed: { min: 160, max: 560 },
      angle: { min: 0, max: 360 },
      lifespan: MOTION.burstLifeMs,
      scale: { start: 1.1, end: 0 },
      alpha: { start: 1, end: 0 },
      gravityY: 260,
      // Normal blending: additive sparks vanish into white on the light SMS and chat screens.
      tint: [COLOURS.mint, COLOURS.sun, COLOURS.sky, COLOURS.coral],
    });

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

  private canvasTexture(key: TextureKey, width: number, height: number): Phaser.Textures.CanvasTexture {
    const w = Math.max(1, Math.round(width));
    const h = Math.max(1, Math.round(height));
    const existing = this.textures.exists(key) ? this.textures.get(key) : null;
    if (existing instanceof Phaser.Textures.CanvasTexture) {
      existing.setSize(w, h);
      return existing;
    }
    const created = this.textures.createCanvas(key, w, h);
    if (!created) throw new Error(`could not create texture "${key}"`);
    return created;
  }

  /** Re-bakes the textures and moves everything after a mode or layout change. */
  private rebuild(): void {
    this.seenVersion = this.model.version;
    const { layout, mode } = this.model;
    const phone = this.local(layout.phone);
    const screen = this.local(layout.screen);
    this.cameras.resize(layout.stage.width, layout.stage.height);

    const body = this.canvasTexture(TextureKey.Body, phone.width + 2 * BODY.pad, phone.height + 2 * BODY.pad);
    paintBody(body.context, phone.width, phone.height);
    body.refresh();
    this.body.setTexture(TextureKey.Body).setPosition(phone.x - BODY.pad, phone.y - BODY.pad);

    const glowPad = phone.width * LAYOUT.effectPad;
    const glow = this.canvasTexture(TextureKey.Glow, phone.width + 2 * glowPad, phone.height + 2 * glowPad);
    paintGlow(glow.context, phone.width, phone.height, glowPad, phone.width * LAYOUT.bodyRadius);
    glow.refresh();
    this.glow.setTexture(TextureKey.Glow).setPosition(phone.x - glowPad, phone.y - glowPad);

    const screenTexture = this.canvasTexture(TextureKey.Screen, screen.width, screen.height);
    paintScreen(screenTexture.context, mode, screen.width, screen.height, phone.width);
    screenTexture.refresh();
    this.screenImage.setTexture(TextureKey.Screen).setPosition(screen.x, screen.y);

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
    this.mouth.setPosition(mouth.x, mouth.y).setScale(this.mouthBaseScale).setVisible(mode === 'video');
    this.glitch.setTexture(TextureKey.Screen).setVisible(false);
    this.glitchBand = { x: screen.x, y: face.height * 0.35, height: face.height * 0.1 };

    this.sparks.setPosition(screen.x + screen.width / 2, screen.y + screen.height * 0.45);
    this.ring.setPosition(layout.ring.x - layout.stage.x, layout.ring.y - layout.stage.y);
    this.ringDrawnFor = '';
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
      const y = band.y + (Math.random() - 0.3) * band.height * 3;
      this.glitch
        .setCrop(0, y, this.screenImage.width, band.height * (0.6 + Math.random()))
        .setPosition(band.x + (Math.random() < 0.5 ? -1 : 1) * MOTION.glitchShiftPx, this.screenImage.y);
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
    const colour = effect === 'spotted' ? COLOURS.mint : effect === 'risky' ? COLOURS.rose : COLOURS.coral;
    this.tweens.killTweensOf(this.glow);
    this.glow.setTint(colour).setAlpha(0);
    this.tweens.add({
      targets: this.glow,
      alpha: { from: 0, to: 1 },
      duration: MOTION.glowMs / 2,
      yoyo: true,
      ease: 'Sine.easeOut',
    });
    if (effect === 'spotted') {
      this.sparks.explode(MOTION.burstParticles);
    } else {
      this.cameras.main.shake(MOTION.shakeMs, effect === 'risky' ? MOTION.shakeIntensity : MOTION.shakeIntensity / 2);
    }
  }
}
