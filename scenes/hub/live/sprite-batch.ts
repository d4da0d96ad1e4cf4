/**
 * Every live sprite of the hub world in ONE draw call: an InstancedMesh of quads that sample
 * frames of one atlas, each with its own tint, opacity and blend (a "glow" sprite adds light,
 * the others cover what is behind them). Instances draw in index order, so callers fill them
 * from far to near. Coordinates are CSS pixels, y down. Runs in the renderer.
 */
import * as THREE from 'three';
import type { ResourceTracker } from '../../shared/three/resource-tracker.js';
import type { Frame } from './sprite-atlas.js';

/** An axis-aligned rectangle in CSS pixels (y down). */
export interface ScreenRect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface SpriteDraw {
  frame: Frame;
  /** Centre, CSS px. */
  x: number;
  y: number;
  /** Size, CSS px; a negative height mirrors the frame (reflections). */
  width: number;
  height: number;
  /** 0xRRGGBB multiplied into the frame (white keeps its colours). */
  tint: number;
  opacity: number;
  /** True: adds light (halos, beams); false: covers like paint. */
  glow: boolean;
}

const VERTEX = /* glsl */ `
attribute vec4 aFrame;
attribute vec4 aTint;
varying vec2 vUv;
varying vec4 vTint;
void main() {
  vUv = aFrame.xy + uv * aFrame.zw;
  vTint = aTint;
  gl_Position = projectionMatrix * modelViewMatrix * instanceMatrix * vec4(position, 1.0);
}`;

// The atlas is uploaded premultiplied, so "over" is (ONE, ONE_MINUS_SRC_ALPHA); writing alpha 0
// turns the same blend into pure addition, which is how a glow sprite adds light.
const FRAGMENT = /* glsl */ `
uniform sampler2D map;
varying vec2 vUv;
varying vec4 vTint;
void main() {
  vec4 texel = texture2D(map, vUv);
  float glow = step(1.5, vTint.a);
  float opacity = vTint.a - glow * 2.0;
  gl_FragColor = vec4(texel.rgb * vTint.rgb * opacity, texel.a * opacity * (1.0 - glow));
}`;

export class SpriteBatch {
  readonly mesh: THREE.InstancedMesh;
  private readonly frames: THREE.InstancedBufferAttribute;
  private readonly tints: THREE.InstancedBufferAttribute;
  private readonly matrix = new THREE.Matrix4();
  private readonly position = new THREE.Vector3();
  private readonly scale = new THREE.Vector3();
  private readonly rotation = new THREE.Quaternion();
  private readonly colour = new THREE.Color();
  private readonly rects: ScreenRect[] = [];
  private count = 0;
  private viewHeight = 1;

  constructor(
    tracker: ResourceTracker,
    texture: THREE.Texture,
    readonly capacity: number,
  ) {
    const geometry = tracker.track(new THREE.PlaneGeometry(1, 1));
    this.frames = new THREE.InstancedBufferAttribute(new Float32Array(capacity * 4), 4);
    this.tints = new THREE.InstancedBufferAttribute(new Float32Array(capacity * 4), 4);
    this.frames.setUsage(THREE.DynamicDrawUsage);
    this.tints.setUsage(THREE.DynamicDrawUsage);
    geometry.setAttribute('aFrame', this.frames);
    geometry.setAttribute('aTint', this.tints);
    const material = tracker.track(
      new THREE.ShaderMaterial({
        uniforms: { map: { value: texture } },
        vertexShader: VERTEX,
        fragmentShader: FRAGMENT,
        transparent: true,
        depthTest: false,
        depthWrite: false,
        side: THREE.DoubleSide,
        blending: THREE.CustomBlending,
        blendSrc: THREE.OneFactor,
        blendDst: THREE.OneMinusSrcAlphaFactor,
      }),
    );
    this.mesh = new THREE.InstancedMesh(geometry, material, capacity);
    this.mesh.instanceMatrix.setUsage(THREE.DynamicDrawUsage);
    this.mesh.frustumCulled = false;
    this.mesh.count = 0;
  }

  /** Starts a frame: the layer is `viewHeight` CSS px tall (to turn y-down into y-up). */
  begin(viewHeight: number): void {
    this.count = 0;
    this.rects.length = 0;
    this.viewHeight = viewHeight;
  }

  /** Queues one sprite; ignored when invisible or when the batch is full. */
  draw(sprite: SpriteDraw): void {
    if (sprite.opacity <= 0.003 || sprite.width === 0 || sprite.height === 0) return;
    if (this.count >= this.capacity) return;
    const i = this.count++;
    this.position.set(sprite.x, this.viewHeight - sprite.y, 0);
    this.scale.set(sprite.width, sprite.height, 1);
    this.matrix.compose(this.position, this.rotation, this.scale);
    this.mesh.setMatrixAt(i, this.matrix);
    const { frame } = sprite;
    this.frames.setXYZW(i, frame.u, frame.v, frame.du, frame.dv);
    this.colour.setHex(sprite.tint, THREE.LinearSRGBColorSpace);
    const opacity = Math.min(1, sprite.opacity) + (sprite.glow ? 2 : 0);
    this.tints.setXYZW(i, this.colour.r, this.colour.g, this.colour.b, opacity);
    const halfW = Math.abs(sprite.width) / 2;
    const halfH = Math.abs(sprite.height) / 2;
    this.rects.push({
      left: sprite.x - halfW,
      right: sprite.x + halfW,
      top: sprite.y - halfH,
      bottom: sprite.y + halfH,
    });
  }

  /** Ends a frame: uploads what was queued. */
  end(): void {
    this.mesh.count = this.count;
    this.mesh.instanceMatrix.needsUpdate = true;
    this.frames.needsUpdate = true;
    this.tints.needsUpdate = true;
  }

  /** Screen rectangles of the sprites drawn this frame (for layout checks). */
  drawnRects(): readonly ScreenRect[] {
    return this.rects;
  }

  get drawn(): number {
    return this.count;
  }
}
