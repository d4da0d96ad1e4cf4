/**
 * Builders for the pieces of the "Safe Digital World": a floating island with a shield tower,
 * houses, data rings with travelling packets, station beacons and a starfield.
 * Each builder registers what it creates with the tracker. Runs in the renderer.
 */
import * as THREE from 'three';
import { seededRng } from '../shared/seeded-rng.js';
import type { ResourceTracker } from '../shared/three/resource-tracker.js';
import { WORLD, WORLD_COLOURS } from './world-tunables.js';

export function buildIsland(tracker: ResourceTracker): THREE.Group {
  const group = new THREE.Group();
  const top = new THREE.Mesh(
    new THREE.CylinderGeometry(WORLD.islandRadius, WORLD.islandRadius * 0.92, WORLD.islandHeight, 6),
    new THREE.MeshLambertMaterial({ color: WORLD_COLOURS.grass, flatShading: true }),
  );
  top.position.y = -WORLD.islandHeight / 2;
  const rock = new THREE.Mesh(
    new THREE.ConeGeometry(WORLD.islandRadius * 0.92, 5.5, 6, 2),
    new THREE.MeshLambertMaterial({ color: WORLD_COLOURS.rock, flatShading: true }),
  );
  rock.rotation.x = Math.PI;
  rock.position.y = -WORLD.islandHeight - 2.75;
  group.add(top, rock);

  // Houses: the families and schools the campaign protects, with warm lit windows.
  const random = seededRng(7);
  const houseMaterial = new THREE.MeshLambertMaterial({ color: 0xf3efe6, flatShading: true });
  const roofMaterial = new THREE.MeshLambertMaterial({ color: WORLD_COLOURS.coral, flatShading: true });
  const windowMaterial = new THREE.MeshBasicMaterial({ color: WORLD_COLOURS.sun });
  const body = new THREE.BoxGeometry(0.9, 0.7, 0.9);
  const roof = new THREE.ConeGeometry(0.75, 0.55, 4);
  const pane = new THREE.PlaneGeometry(0.22, 0.22);
  for (let i = 0; i < 7; i++) {
    const angle = (i / 7) * Math.PI * 2 + 0.35;
    const radius = 2.3 + random() * 1.1;
    const house = new THREE.Group();
    const walls = new THREE.Mesh(body, houseMaterial);
    walls.position.y = 0.35;
    const cap = new THREE.Mesh(roof, roofMaterial);
    cap.position.y = 0.97;
    cap.rotation.y = Math.PI / 4;
    const light = new THREE.Mesh(pane, windowMaterial);
    light.position.set(0, 0.4, 0.451);
    house.add(walls, cap, light);
    house.position.set(Math.cos(angle) * radius, 0, Math.sin(angle) * radius);
    house.lookAt(0, 0, 0);
    house.scale.setScalar(0.8 + random() * 0.5);
    group.add(house);
  }
  tracker.track(group);
  return group;
}

export interface ShieldTower {
  group: THREE.Group;
  gem: THREE.Mesh;
  halo: THREE.Mesh;
}

export function buildShieldTower(tracker: ResourceTracker): ShieldTower {
  const group = new THREE.Group();
  const pillar = new THREE.Mesh(
    new THREE.CylinderGeometry(0.35, 0.6, 2.6, 6),
    new THREE.MeshLambertMaterial({ color: WORLD_COLOURS.ink, flatShading: true }),
  );
  pillar.position.y = 1.3;
  const gem = new THREE.Mesh(
    new THREE.OctahedronGeometry(0.8, 0),
    new THREE.MeshLambertMaterial({
      color: WORLD_COLOURS.sun,
      emissive: WORLD_COLOURS.sun,
      emissiveIntensity: 0.7,
      flatShading: true,
    }),
  );
  gem.position.y = 3.4;
  const halo = new THREE.Mesh(
    new THREE.TorusGeometry(1.35, 0.05, 8, 48),
    new THREE.MeshBasicMaterial({ color: WORLD_COLOURS.sun, transparent: true, opacity: 0.8 }),
  );
  halo.position.y = 3.4;
  group.add(pillar, gem, halo);
  tracker.track(group);
  return { group, gem, halo };
}

export interface DataRing {
  group: THREE.Group;
  packets: THREE.InstancedMesh;
  radius: number;
  tilt: number;
}

/** A ring of light with instanced "data packets" travelling along it. */
export function buildDataRing(
  tracker: ResourceTracker,
  radius: number,
  tilt: number,
  colour: number,
): DataRing {
  const group = new THREE.Group();
  const ring = new THREE.Mesh(
    new THREE.TorusGeometry(radius, 0.025, 6, 96),
    new THREE.MeshBasicMaterial({ color: colour, transparent: true, opacity: 0.45 }),
  );
  ring.rotation.x = Math.PI / 2;
  const packets = new THREE.InstancedMesh(
    new THREE.BoxGeometry(0.16, 0.16, 0.16),
    new THREE.MeshBasicMaterial({ color: colour }),
    WORLD.packetCount / 2,
  );
  group.add(ring, packets);
  group.rotation.z = tilt;
  tracker.track(group);
  return { group, packets, radius, tilt };
}

export interface Beacon {
  id: string;
  group: THREE.Group;
  column: THREE.Mesh;
  ring: THREE.Mesh;
  /** Where the DOM label is anchored (top of the beacon), in world space. */
  anchor: THREE.Vector3;
}

/** A station beacon: a column of coloured light with a floating ring, on the island's rim. */
export function buildBeacon(tracker: ResourceTracker, id: string, colour: number, angle: number): Beacon {
  const group = new THREE.Group();
  const base = new THREE.Mesh(
    new THREE.CylinderGeometry(0.55, 0.7, 0.3, 6),
    new THREE.MeshLambertMaterial({ color: WORLD_COLOURS.ink, flatShading: true }),
  );
  base.position.y = 0.15;
  const column = new THREE.Mesh(
    new THREE.CylinderGeometry(0.32, 0.32, 3.2, 12, 1, true),
    new THREE.MeshBasicMaterial({
      color: colour,
      transparent: true,
      opacity: 0.55,
      blending: THREE.AdditiveBlending,
      depthWrite: false,
      side: THREE.DoubleSide,
    }),
  );
  column.position.y = 1.9;
  const ring = new THREE.Mesh(
    new THREE.TorusGeometry(0.6, 0.07, 8, 32),
    new THREE.MeshBasicMaterial({ color: colour }),
  );
  ring.rotation.x = Math.PI / 2;
  ring.position.y = 2.4;
  group.add(base, column, ring);
  group.position.set(Math.cos(angle) * WORLD.beaconRadius, 0, Math.sin(angle) * WORLD.beaconRadius);
  tracker.track(group);
  return { id, group, column, ring, anchor: new THREE.Vector3(group.position.x, 3.8, group.position.z) };
}

export function buildStars(tracker: ResourceTracker): THREE.Points {
  const random = seededRng(42);
  const positions = new Float32Array(WORLD.starCount * 3);
  for (let i = 0; i < WORLD.starCount; i++) {
    const theta = random() * Math.PI * 2;
    const phi = Math.acos(2 * random() - 1);
    const r = 45 + random() * 30;
    positions[i * 3] = r * Math.sin(phi) * Math.cos(theta);
    positions[i * 3 + 1] = r * Math.cos(phi);
    positions[i * 3 + 2] = r * Math.sin(phi) * Math.sin(theta);
  }
  const geometry = new THREE.BufferGeometry();
  geometry.setAttribute('position', new THREE.BufferAttribute(positions, 3));
  const stars = new THREE.Points(
    geometry,
    new THREE.PointsMaterial({ color: 0xdfe6ff, size: 0.35, transparent: true, opacity: 0.85 }),
  );
  tracker.track(stars);
  return stars;
}
