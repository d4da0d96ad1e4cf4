/**
 * The hub world behind the DOM overlays: Hồ Gươm (Hoan Kiem lake) on a festival night, for
 * the attract loop and the hub. Built to stay sharp without a GPU:
 * - a backdrop painted once per screen size with Canvas 2D at full device resolution (sky,
 *   old quarter, Turtle Tower, The Huc bridge, reflections), shown as a plain canvas;
 * - over it, a transparent three.js layer with the few live things (flower and sky lanterns,
 *   shimmer, the station beacons) as sprites of one painted atlas, in ONE draw call.
 * Moving things stay in the layout's zones, which no text covers (world-layout.ts).
 * One update()/resize() loop; every three.js resource goes through the tracker and is freed
 * on `dispose()`. Runs in the renderer.
 */
import * as THREE from 'three';
import { seededRng } from '../shared/seeded-rng.js';
import {
  isSoftwareRenderer,
  probeRendererName,
  QUALITY,
  QualityGovernor,
} from '../shared/three/render-quality.js';
import { ResourceTracker } from '../shared/three/resource-tracker.js';
import { backdropFor } from './backdrop/backdrop.js';
import { Beacons, type BeaconPlacement } from './live/beacons.js';
import { Lanterns } from './live/lanterns.js';
import { atlasFrames, paintAtlas } from './live/sprite-atlas.js';
import { SpriteBatch, type ScreenRect } from './live/sprite-batch.js';
import { worldLayout, type WorldLayout, type WorldMode } from './world-layout.js';
import { WORLD } from './world-tunables.js';

/** Room around the live band so glows are never cut at its edge. */
const BAND_MARGIN_PX = 4;

export type { WorldMode } from './world-layout.js';
export type { BeaconPlacement } from './live/beacons.js';
export type { ScreenRect } from './live/sprite-batch.js';

export interface BeaconSpec {
  id: string;
  color: number;
}

export interface ScreenPoint {
  x: number;
  y: number;
}

export interface WorldStats {
  trackedResources: number;
  /** The live layer's pixel ratio (the backdrop is always at the device's full resolution). */
  pixelRatio: number;
  /** The live layer's detail level (0..QUALITY.maxDetail). */
  detail: number;
  software: boolean;
  geometries: number;
  textures: number;
  frames: number;
  /** Sprites drawn in the last frame. */
  sprites: number;
  /** Device pixels of the live layer (a band of the screen) and of the backdrop. */
  render: { width: number; height: number };
  /** The rows of the screen the live layer covers, CSS px. */
  band: { top: number; bottom: number };
  /** Where everything that moved in the last frame was (CSS px), for layout checks. */
  moving: ScreenRect[];
  /** Each station's beacon bounds and label anchor (CSS px). */
  beacons: { id: string; bounds: ScreenRect; label: { x: number; y: number; maxWidth: number } }[];
  backdrop: { width: number; height: number; ms: number };
}

export class HubWorld {
  private readonly renderer: THREE.WebGLRenderer;
  private readonly scene = new THREE.Scene();
  private readonly camera = new THREE.OrthographicCamera(0, 1, 1, 0, -1, 1);
  private readonly tracker = new ResourceTracker();
  private readonly batch: SpriteBatch;
  private readonly lanterns: Lanterns;
  private readonly beacons: Beacons;
  /** The painted lake; shared with later worlds of the same size (see backdropFor). */
  private backdrop: HTMLCanvasElement | null = null;
  private readonly timer = new THREE.Timer();
  private readonly software: boolean;
  private readonly governor: QualityGovernor;
  private layout: WorldLayout;
  private mode: WorldMode = 'attract';
  /** The mode the lanterns are placed for; they fade out and back in when it changes. */
  private lakeMode: WorldMode = 'attract';
  private presence = 1;
  private elapsed = 0;
  private frames = 0;
  private disposed = false;
  private width = 1;
  private height = 1;
  /** The rows of the screen the WebGL canvas covers (CSS px). */
  private band = { top: 0, bottom: 1 };
  /** How long the last resize took to paint (or copy) the backdrop, ms. */
  private backdropMs = 0;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly stations: readonly BeaconSpec[],
    private readonly onFrame?: () => void,
  ) {
    this.software = isSoftwareRenderer(probeRendererName());
    // No multisampling: every live shape is a painted sprite with soft edges.
    this.renderer = new THREE.WebGLRenderer({
      canvas,
      antialias: false,
      alpha: true,
      premultipliedAlpha: true,
      powerPreference: 'high-performance',
    });
    this.governor = this.software
      ? new QualityGovernor(QUALITY.softwarePixelRatio, QUALITY.softwarePixelRatio)
      : new QualityGovernor(Math.min(window.devicePixelRatio, WORLD.maxPixelRatio));
    this.renderer.setPixelRatio(this.governor.pixelRatio);
    this.renderer.setClearColor(0x000000, 0);

    const texture = this.tracker.track(new THREE.CanvasTexture(paintAtlas()));
    texture.premultiplyAlpha = true;
    texture.minFilter = THREE.LinearMipmapLinearFilter;
    const frames = atlasFrames();
    this.batch = new SpriteBatch(this.tracker, texture, WORLD.spriteCapacity);
    this.scene.add(this.batch.mesh);
    this.lanterns = new Lanterns(seededRng(WORLD.lanternSeed), frames);
    this.beacons = new Beacons(stations, frames);
    this.layout = worldLayout(1, 1, stations.length);
  }

  /** Switches between the attract loop and the hub (beacons rise; the lake re-settles). */
  setMode(mode: WorldMode): void {
    this.mode = mode;
  }

  /** Makes one station's beacon pulse (null for none). */
  highlight(id: string | null): void {
    this.beacons.highlight(id);
  }

  start(): void {
    this.timer.reset();
    this.renderer.setAnimationLoop((timestamp) => {
      this.timer.update(timestamp);
      // The first rAF timestamp can precede reset(): a negative delta would run time backwards.
      const dt = Math.max(0, this.timer.getDelta());
      const lowered = this.governor.sample(dt * 1000);
      if (lowered !== null) {
        this.renderer.setPixelRatio(lowered);
        this.renderer.setSize(this.width, this.band.bottom - this.band.top, false);
      }
      this.update(Math.min(dt, 0.1));
    });
  }

  stop(): void {
    this.renderer.setAnimationLoop(null);
  }

  resize(width: number, height: number): void {
    this.width = Math.max(1, Math.round(width));
    this.height = Math.max(1, Math.round(height));
    this.layout = worldLayout(this.width, this.height, this.stations.length);
    const dpr = window.devicePixelRatio || 1;
    const painting = performance.now();
    const backdrop = backdropFor(this.width, this.height, dpr, this.layout);
    this.backdropMs = performance.now() - painting;
    if (backdrop !== this.backdrop) this.backdrop?.remove();
    this.backdrop = backdrop;
    this.canvas.before(backdrop);
    this.lanterns.place(this.layout, this.view(), this.layout.zones[this.lakeMode]);
    this.beacons.place(this.layout, this.width, this.height);
    this.fitBand();
  }

  /**
   * Where each station's label goes (CSS px): under its beacon, with the beacon's bounds and
   * the widest the label may be. A ScreenPoint plus that, so older callers still work.
   */
  beaconPositions(): Map<string, BeaconPlacement> {
    return this.beacons.placements((index) => (this.layout.beacons[index]?.labelWidth ?? 0.4) * this.width);
  }

  /** Screen rectangles (CSS px) of everything that moved in the last frame. */
  liveBounds(): ScreenRect[] {
    return [...this.batch.drawnRects()];
  }

  stats(): WorldStats {
    const { geometries, textures } = this.renderer.info.memory;
    const buffer = this.renderer.getDrawingBufferSize(new THREE.Vector2());
    return {
      trackedResources: this.tracker.size,
      pixelRatio: this.governor.pixelRatio,
      detail: this.governor.detail,
      software: this.software,
      geometries,
      textures,
      frames: this.frames,
      sprites: this.batch.drawn,
      render: { width: buffer.x, height: buffer.y },
      band: { ...this.band },
      moving: this.liveBounds(),
      beacons: [...this.beaconPositions()].map(([id, placement]) => ({
        id,
        bounds: placement.bounds,
        label: { x: placement.x, y: placement.y, maxWidth: placement.maxWidth },
      })),
      backdrop: {
        width: this.backdrop?.width ?? 0,
        height: this.backdrop?.height ?? 0,
        ms: Math.round(this.backdropMs),
      },
    };
  }

  /** Advances the animation by `dt` seconds and draws one frame. */
  update(dt: number): void {
    if (this.disposed) return;
    this.elapsed += dt;
    this.frames += 1;
    this.settleLake(dt);
    this.batch.begin(this.height);
    this.lanterns.update(dt, this.elapsed, this.governor.detail, this.presence, this.batch);
    // Beacons rise once the lake has settled for the hub (and the live band covers them).
    this.beacons.update(dt, this.elapsed, this.mode === 'hub' && this.lakeMode === 'hub', this.batch);
    this.batch.end();
    this.renderer.render(this.scene, this.camera);
    this.onFrame?.();
  }

  /** Stops the loop and frees every GPU resource; the canvas can be reused by a new world. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.stop();
    this.timer.dispose();
    this.tracker.dispose();
    this.scene.clear();
    this.renderer.renderLists.dispose();
    this.renderer.dispose();
    // Release the WebGL context now rather than whenever the browser collects the canvas.
    this.renderer.forceContextLoss();
    this.backdrop?.remove();
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  get element(): HTMLCanvasElement {
    return this.canvas;
  }

  /**
   * Sizes the WebGL canvas to the band of rows where something moves in this mode. On
   * software WebGL a frame costs what the compositor must redraw, and a canvas that changes
   * every frame makes its whole box redraw, backdrop and text included; a band a third of the
   * screen tall costs about a third.
   */
  private fitBand(): void {
    let { top, bottom } = this.lanterns.extent();
    if (this.lakeMode === 'hub') {
      for (const placement of this.beaconPositions().values()) {
        top = Math.min(top, placement.bounds.top);
        bottom = Math.max(bottom, placement.bounds.bottom);
      }
    }
    top = Math.max(0, Math.floor(top) - BAND_MARGIN_PX);
    bottom = Math.min(this.height, Math.ceil(bottom) + BAND_MARGIN_PX);
    this.band = { top, bottom };
    this.canvas.style.top = `${top}px`;
    this.canvas.style.height = `${bottom - top}px`;
    this.renderer.setSize(this.width, bottom - top, false);
    // Sprites are placed in screen pixels (y down); the camera sees just the band.
    this.camera.left = 0;
    this.camera.right = this.width;
    this.camera.top = this.height - top;
    this.camera.bottom = this.height - bottom;
    this.camera.updateProjectionMatrix();
  }

  private view(): { width: number; height: number } {
    return { width: this.width, height: this.height };
  }

  /** After a mode change the lanterns fade out, move to the new mode's zones, and fade in. */
  private settleLake(dt: number): void {
    const rate = dt / WORLD.lakeFadeSeconds;
    if (this.lakeMode !== this.mode) {
      this.presence = Math.max(0, this.presence - rate);
      if (this.presence === 0) {
        this.lakeMode = this.mode;
        this.lanterns.place(this.layout, this.view(), this.layout.zones[this.lakeMode]);
        this.fitBand();
      }
    } else {
      this.presence = Math.min(1, this.presence + rate);
    }
  }
}
