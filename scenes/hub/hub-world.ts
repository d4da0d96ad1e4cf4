/**
 * The three.js "Safe Digital World": the attract loop and the hub behind the DOM overlays.
 * One update()/resize() loop; every resource disposed through the tracker on `dispose()`.
 * Runs in the renderer.
 */
import * as THREE from 'three';
import {
  isSoftwareRenderer,
  probeRendererName,
  QUALITY,
  QualityGovernor,
} from '../shared/three/render-quality.js';
import { ResourceTracker } from '../shared/three/resource-tracker.js';
import {
  buildBeacon,
  buildDataRing,
  buildIsland,
  buildShieldTower,
  buildStars,
  type Beacon,
  type DataRing,
  type ShieldTower,
} from './world-builders.js';
import { WORLD, WORLD_COLOURS } from './world-tunables.js';

export type WorldMode = 'attract' | 'hub';

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
  pixelRatio: number;
  software: boolean;
  geometries: number;
  textures: number;
  frames: number;
}

export class HubWorld {
  private readonly renderer: THREE.WebGLRenderer;
  private readonly scene = new THREE.Scene();
  private readonly camera = new THREE.PerspectiveCamera(45, 1, 0.1, 200);
  private readonly tracker = new ResourceTracker();
  private readonly tower: ShieldTower;
  private readonly rings: DataRing[];
  private readonly beacons: Beacon[];
  private readonly stars: THREE.Points;
  private readonly world = new THREE.Group();
  private readonly dummy = new THREE.Object3D();
  private readonly projected = new THREE.Vector3();
  private mode: WorldMode = 'attract';
  private cameraBlend = 0;
  private orbit = 0.6;
  private elapsed = 0;
  private frames = 0;
  private highlighted: string | null = null;
  private readonly timer = new THREE.Timer();
  private disposed = false;
  private width = 1;
  private height = 1;
  private readonly software: boolean;
  private readonly governor: QualityGovernor;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    stations: readonly BeaconSpec[],
    private readonly onFrame?: () => void,
  ) {
    this.software = isSoftwareRenderer(probeRendererName());
    this.renderer = new THREE.WebGLRenderer({
      canvas,
      antialias: !this.software,
      alpha: true,
      powerPreference: 'high-performance',
    });
    this.governor = new QualityGovernor(
      this.software ? QUALITY.softwarePixelRatio : Math.min(window.devicePixelRatio, WORLD.maxPixelRatio),
    );
    this.renderer.setPixelRatio(this.governor.pixelRatio);
    this.renderer.setClearColor(0x000000, 0);
    this.scene.fog = new THREE.Fog(WORLD_COLOURS.navyDeep, 28, 70);

    this.scene.add(new THREE.HemisphereLight(0xbfd8ff, WORLD_COLOURS.navy, 1.4));
    const sun = new THREE.DirectionalLight(0xfff1d6, 2.2);
    sun.position.set(6, 12, 8);
    this.scene.add(sun);

    this.world.add(buildIsland(this.tracker));
    this.tower = buildShieldTower(this.tracker);
    this.world.add(this.tower.group);
    this.rings = [
      buildDataRing(this.tracker, 8.2, 0.18, WORLD_COLOURS.sky),
      buildDataRing(this.tracker, 9.6, -0.26, WORLD_COLOURS.coral),
    ];
    for (const ring of this.rings) this.world.add(ring.group);
    this.beacons = stations.map((station, index) => {
      // Beacons fan out across the front of the island, so every one faces the visitor; a
      // single beacon stands front-right so its label does not hide the shield tower.
      const spread = stations.length === 1 ? 0.6 : (index / (stations.length - 1) - 0.5) * 2.2;
      return buildBeacon(this.tracker, station.id, station.color, Math.PI / 2 - spread);
    });
    for (const beacon of this.beacons) this.world.add(beacon.group);
    this.scene.add(this.world);
    this.stars = buildStars(this.tracker);
    this.scene.add(this.stars);
  }

  /** Switches between the attract orbit and the closer hub view, easing the camera. */
  setMode(mode: WorldMode): void {
    this.mode = mode;
  }

  /** Makes one station's beacon pulse (null for none). */
  highlight(id: string | null): void {
    this.highlighted = id;
  }

  start(): void {
    this.timer.reset();
    this.renderer.setAnimationLoop((timestamp) => {
      this.timer.update(timestamp);
      const dt = this.timer.getDelta();
      const lowered = this.governor.sample(dt * 1000);
      if (lowered !== null) {
        this.renderer.setPixelRatio(lowered);
        this.renderer.setSize(this.width, this.height, false);
      }
      this.update(Math.min(dt, 0.1));
    });
  }

  stop(): void {
    this.renderer.setAnimationLoop(null);
  }

  resize(width: number, height: number): void {
    this.width = Math.max(1, width);
    this.height = Math.max(1, height);
    this.renderer.setSize(this.width, this.height, false);
    this.camera.aspect = this.width / this.height;
    // Portrait screens need a wider vertical field to keep the whole island in view.
    this.camera.fov = this.camera.aspect < 1 ? 62 : 42;
    this.camera.updateProjectionMatrix();
  }

  /** Screen positions (CSS pixels) of each beacon's label anchor. */
  beaconPositions(): Map<string, ScreenPoint> {
    const points = new Map<string, ScreenPoint>();
    this.world.updateMatrixWorld();
    for (const beacon of this.beacons) {
      this.projected.copy(beacon.anchor).applyMatrix4(this.world.matrixWorld).project(this.camera);
      points.set(beacon.id, {
        x: ((this.projected.x + 1) / 2) * this.width,
        y: ((1 - this.projected.y) / 2) * this.height,
      });
    }
    return points;
  }

  stats(): WorldStats {
    const { geometries, textures } = this.renderer.info.memory;
    return {
      trackedResources: this.tracker.size,
      pixelRatio: this.governor.pixelRatio,
      software: this.software,
      geometries,
      textures,
      frames: this.frames,
    };
  }

  /** Advances the animation by `dt` seconds and draws one frame. */
  update(dt: number): void {
    if (this.disposed) return;
    this.elapsed += dt;
    this.frames += 1;
    const target = this.mode === 'hub' ? 1 : 0;
    const step = dt / WORLD.cameraEase;
    this.cameraBlend +=
      Math.sign(target - this.cameraBlend) * Math.min(step, Math.abs(target - this.cameraBlend));
    const ease = this.cameraBlend * this.cameraBlend * (3 - 2 * this.cameraBlend);
    const from = WORLD.attractCamera;
    const to = WORLD.hubCamera;
    const portrait = this.camera.aspect < 1 ? 1.25 : 1;
    const distance = (from.distance + (to.distance - from.distance) * ease) * portrait;
    const height = from.height + (to.height - from.height) * ease;
    this.orbit += dt * (from.orbitSpeed + (to.orbitSpeed - from.orbitSpeed) * ease);
    // In the hub the world turns back to face the visitor so the beacons line up with their labels.
    const swing = Math.sin(this.orbit) * 0.5 * (1 - ease);
    this.camera.position.set(Math.sin(swing) * distance, height, Math.cos(swing) * distance);
    // Attract looks below the island (it floats above the title); the hub looks above it
    // (it sits below the heading, with the beacons' labels in view).
    this.camera.lookAt(0, -2.2 + ease * 3.8, 0);
    this.world.rotation.y = (1 - ease) * this.orbit * 0.6;
    this.world.position.y = Math.sin(this.elapsed * 0.8) * 0.15;

    this.tower.gem.rotation.y += dt * 0.9;
    this.tower.gem.position.y = 3.4 + Math.sin(this.elapsed * 1.6) * 0.12;
    this.tower.halo.rotation.x = Math.PI / 2 + Math.sin(this.elapsed * 0.7) * 0.3;
    this.tower.halo.scale.setScalar(1 + Math.sin(this.elapsed * 2) * 0.05);
    this.animateRings();
    for (const beacon of this.beacons) {
      const lit = beacon.id === this.highlighted ? 1 : 0;
      beacon.ring.position.y = 2.4 + Math.sin(this.elapsed * 2 + beacon.group.position.x) * 0.35;
      beacon.ring.rotation.z += dt * (0.8 + lit * 3);
      const pulse = 1 + Math.sin(this.elapsed * (3 + lit * 4)) * (0.06 + lit * 0.12);
      beacon.column.scale.set(pulse, 1, pulse);
    }
    this.stars.rotation.y += dt * 0.004;
    this.renderer.render(this.scene, this.camera);
    this.onFrame?.();
  }

  private animateRings(): void {
    for (const [r, ring] of this.rings.entries()) {
      const count = ring.packets.count;
      for (let i = 0; i < count; i++) {
        const angle = (i / count) * Math.PI * 2 + this.elapsed * (r === 0 ? 0.35 : -0.25);
        this.dummy.position.set(Math.cos(angle) * ring.radius, 0, Math.sin(angle) * ring.radius);
        this.dummy.rotation.set(angle, angle * 2, 0);
        this.dummy.updateMatrix();
        ring.packets.setMatrixAt(i, this.dummy.matrix);
      }
      ring.packets.instanceMatrix.needsUpdate = true;
    }
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
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  get element(): HTMLCanvasElement {
    return this.canvas;
  }
}
