/**
 * The lantern lake: every pledge is a lantern on Hồ Gươm at night. The far field (all but the
 * newest few hundred lanterns) is painted once (far-field.ts); the newest float and bob in a
 * live three.js layer, ONE InstancedMesh of glow quads drawn in one call, over the band of
 * the lake where they are. The visitor's lantern rises from the shore and joins them.
 * Per-frame cost is independent of the number of lanterns. Every three.js resource goes
 * through the shared tracker; `dispose()` frees them and releases the WebGL context at once,
 * as the hub does. Runs in the renderer.
 */
import * as THREE from 'three';
import { isSoftwareRenderer, probeRendererName } from '../../shared/three/render-quality.js';
import { ResourceTracker } from '../../shared/three/resource-tracker.js';
import { LIVE_LANTERNS, paintFarField, rgbOf } from './far-field.js';
import {
  lakeGeometry,
  lanternColours,
  placeLantern,
  type LakeGeometry,
  type LanternColourCounts,
} from './placement.js';

/** Seconds the visitor's lantern takes to rise from the shore to its place. */
export const RISE_SECONDS = 4;

const VERTEX = /* glsl */ `
attribute vec3 aColour;
attribute float aPhase;
uniform float uTime;
varying vec2 vUv;
varying vec3 vColour;
void main() {
  vUv = uv;
  vColour = aColour;
  vec4 world = instanceMatrix * vec4(position, 1.0);
  // Bob gently, each lantern on its own beat, by a tenth of its size.
  world.y += sin(uTime * 1.3 + aPhase) * instanceMatrix[1][1] * 0.08;
  gl_Position = projectionMatrix * modelViewMatrix * world;
}`;

const FRAGMENT = /* glsl */ `
varying vec2 vUv;
varying vec3 vColour;
void main() {
  float d = length(vUv - 0.5) * 2.0;
  if (d > 1.0) discard;
  float halo = (1.0 - d) * (1.0 - d);
  float core = smoothstep(0.28, 0.0, d);
  gl_FragColor = vec4(vColour * halo + vec3(1.0, 0.97, 0.9) * core, 1.0);
}`;

export interface LakeStats {
  lanterns: number;
  live: number;
  painted: number;
  frames: number;
  trackedResources: number;
  software: boolean;
  /** 0..1 of the visitor's lantern's rise (1 when landed or when there is none). */
  rise: number;
  /** Lanterns of each palette colour on the lake (all of them, far and live). */
  perColour: number[];
}

export interface LakeOptions {
  /** How many lanterns, of which colours (palette indexes), and which are the visitor's. */
  lanterns: LanternColourCounts;
  /** The lantern colours, 0xRRGGBB (the station's content). */
  palette: readonly number[];
}

export class LanternLake {
  readonly element: HTMLElement;
  private readonly far = document.createElement('canvas');
  private readonly canvas = document.createElement('canvas');
  private readonly renderer: THREE.WebGLRenderer;
  private readonly scene = new THREE.Scene();
  private readonly camera = new THREE.OrthographicCamera(0, 1, 1, 0, -1, 1);
  private readonly tracker = new ResourceTracker();
  private readonly mesh: THREE.InstancedMesh;
  private readonly material: THREE.ShaderMaterial;
  private readonly colours: THREE.InstancedBufferAttribute;
  private readonly timer = new THREE.Timer();
  private readonly live: number;
  private readonly count: number;
  /** Every lantern's palette index, oldest first. */
  private readonly lanternColours: Uint8Array;
  private readonly perColour: number[];
  private readonly software: boolean;
  private lake: LakeGeometry = lakeGeometry(1, 1);
  private painted = 0;
  private frames = 0;
  private elapsed = 0;
  private rise = 1;
  private bandTop = 0;
  private disposed = false;
  private readonly matrix = new THREE.Matrix4();
  private readonly time = { value: 0 };

  constructor(private readonly options: LakeOptions) {
    this.far.className = 'pledge-lake__far';
    this.canvas.className = 'pledge-lake__live';
    this.element = document.createElement('div');
    this.element.className = 'pledge-lake';
    this.element.setAttribute('aria-hidden', 'true');
    this.count = Math.max(0, Math.floor(options.lanterns.count));
    this.lanternColours = lanternColours(options.lanterns, options.palette.length);
    this.perColour = options.palette.map(() => 0);
    for (const colour of this.lanternColours) this.perColour[colour] = (this.perColour[colour] ?? 0) + 1;
    this.element.dataset.lanterns = String(this.count);
    // Lanterns per palette colour, for tests and diagnostics ("2,0,5,…").
    this.element.dataset.colours = this.perColour.join(',');
    this.element.append(this.far, this.canvas);
    this.software = isSoftwareRenderer(probeRendererName());
    this.renderer = new THREE.WebGLRenderer({ canvas: this.canvas, antialias: false, alpha: true });
    this.renderer.setPixelRatio(this.software ? 1 : Math.min(window.devicePixelRatio, 2));
    this.renderer.setClearColor(0x000000, 0);
    this.live = Math.min(this.count, LIVE_LANTERNS);
    const geometry = this.tracker.track(new THREE.PlaneGeometry(1, 1));
    this.colours = new THREE.InstancedBufferAttribute(new Float32Array(this.live * 3), 3);
    const phases = new THREE.InstancedBufferAttribute(new Float32Array(this.live), 1);
    for (let i = 0; i < this.live; i++) phases.setX(i, (i * 2.399) % (Math.PI * 2));
    geometry.setAttribute('aColour', this.colours);
    geometry.setAttribute('aPhase', phases);
    this.material = this.tracker.track(
      new THREE.ShaderMaterial({
        uniforms: { uTime: this.time },
        vertexShader: VERTEX,
        fragmentShader: FRAGMENT,
        transparent: true,
        depthTest: false,
        depthWrite: false,
        blending: THREE.AdditiveBlending,
      }),
    );
    this.mesh = new THREE.InstancedMesh(geometry, this.material, Math.max(1, this.live));
    this.mesh.count = this.live;
    this.mesh.frustumCulled = false;
    this.scene.add(this.mesh);
    this.rise = options.lanterns.visitor === null || this.live === 0 ? 1 : 0;
  }

  /** Lays the lake out for a screen size: repaints the far field, re-places the live lanterns. */
  resize(width: number, height: number): void {
    this.lake = lakeGeometry(Math.max(1, Math.round(width)), Math.max(1, Math.round(height)));
    const dpr = window.devicePixelRatio || 1;
    this.painted = paintFarField(this.far, this.lake, this.lanternColours, this.options.palette, dpr);
    let top = this.lake.height;
    const colour = new THREE.Color();
    for (let i = 0; i < this.live; i++) {
      const index = this.count - 1 - i;
      const place = placeLantern(index, i, this.lake);
      const [r, g, b] = rgbOf(this.options.palette[this.lanternColours[index] ?? 0] ?? 0xffc94d);
      colour.setRGB((r / 255) * place.brightness, (g / 255) * place.brightness, (b / 255) * place.brightness);
      this.colours.setXYZ(i, colour.r, colour.g, colour.b);
      top = Math.min(top, place.y - place.radius * 3);
    }
    this.colours.needsUpdate = true;
    this.bandTop = Math.max(0, Math.floor(top));
    const bandHeight = this.lake.height - this.bandTop;
    this.canvas.style.top = `${this.bandTop}px`;
    this.canvas.style.height = `${bandHeight}px`;
    this.canvas.style.width = `${this.lake.width}px`;
    this.renderer.setSize(this.lake.width, bandHeight, false);
    // Screen pixels, y down, for the band only.
    this.camera.left = 0;
    this.camera.right = this.lake.width;
    this.camera.top = -this.bandTop;
    this.camera.bottom = -this.lake.height;
    this.camera.updateProjectionMatrix();
    this.placeAll();
  }

  start(): void {
    this.timer.reset();
    this.renderer.setAnimationLoop((timestamp) => {
      this.timer.update(timestamp);
      this.update(Math.min(0.1, Math.max(0, this.timer.getDelta())));
    });
  }

  /** Advances by `dt` seconds and draws one frame. */
  update(dt: number): void {
    if (this.disposed) return;
    this.elapsed += dt;
    this.frames += 1;
    this.time.value = this.elapsed;
    if (this.rise < 1) {
      this.rise = Math.min(1, this.rise + dt / RISE_SECONDS);
      this.placeVisitor();
      this.mesh.instanceMatrix.needsUpdate = true;
    }
    this.renderer.render(this.scene, this.camera);
  }

  stats(): LakeStats {
    return {
      perColour: [...this.perColour],
      lanterns: this.count,
      live: this.live,
      painted: this.painted,
      frames: this.frames,
      trackedResources: this.tracker.size,
      software: this.software,
      rise: this.rise,
    };
  }

  /** Stops the loop, frees every GPU resource and releases the WebGL context now. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.renderer.setAnimationLoop(null);
    this.timer.dispose();
    this.tracker.dispose();
    this.scene.clear();
    this.renderer.renderLists.dispose();
    this.renderer.dispose();
    this.renderer.forceContextLoss();
    this.element.remove();
  }

  private setPlace(i: number, x: number, y: number, radius: number): void {
    const size = radius * 2.4;
    // y down on screen → y up in the scene.
    this.matrix.makeScale(size, size, 1).setPosition(x, -y, 0);
    this.mesh.setMatrixAt(i, this.matrix);
  }

  private placeAll(): void {
    for (let i = 0; i < this.live; i++) {
      const place = placeLantern(this.count - 1 - i, i, this.lake);
      this.setPlace(i, place.x, place.y, place.radius);
    }
    if (this.rise < 1) this.placeVisitor();
    this.mesh.instanceMatrix.needsUpdate = true;
  }

  /** The visitor's lantern (instance 0) from the shore's middle up to its place, easing in. */
  private placeVisitor(): void {
    if (this.live === 0) return;
    const target = placeLantern(this.count - 1, 0, this.lake);
    const t = 1 - (1 - this.rise) ** 3;
    const startX = this.lake.width / 2;
    const startY = this.lake.height - 20;
    const x = startX + (target.x - startX) * t;
    // An arc: it lifts above the water first, then settles.
    const y = startY + (target.y - startY) * t - Math.sin(t * Math.PI) * this.lake.height * 0.12;
    this.setPlace(0, x, y, target.radius * (1.6 - 0.6 * t));
  }
}
