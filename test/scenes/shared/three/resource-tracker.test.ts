import * as THREE from 'three';
import { describe, expect, it } from 'vitest';
import { ResourceTracker } from '../../../../scenes/shared/three/resource-tracker.js';

/** Counts `dispose` events, which three.js fires when a resource is disposed. */
function watch(...resources: THREE.EventDispatcher<{ dispose: object }>[]): () => number {
  let disposed = 0;
  for (const resource of resources) {
    resource.addEventListener('dispose', () => {
      disposed += 1;
    });
  }
  return () => disposed;
}

describe('ResourceTracker', () => {
  it('disposes the geometries, materials and maps of an object tree, once', () => {
    const tracker = new ResourceTracker();
    const map = new THREE.Texture();
    const geometry = new THREE.BoxGeometry();
    const material = new THREE.MeshBasicMaterial({ map });
    const group = new THREE.Group();
    group.add(new THREE.Mesh(geometry, material), new THREE.Mesh(geometry, [material]));
    const disposed = watch(map, geometry, material);
    tracker.track(group);
    expect(tracker.size).toBe(3);
    tracker.dispose();
    expect(disposed()).toBe(3);
    expect(tracker.size).toBe(0);
  });

  it("disposes the textures in a shader material's uniforms, single and in arrays", () => {
    const tracker = new ResourceTracker();
    const glow = new THREE.Texture();
    const layers = [new THREE.Texture(), new THREE.Texture()];
    const material = new THREE.ShaderMaterial({
      uniforms: { glow: { value: glow }, layers: { value: layers }, strength: { value: 2 } },
    });
    const disposed = watch(glow, ...layers, material);
    tracker.track(material);
    expect(tracker.has(glow)).toBe(true);
    tracker.dispose();
    expect(disposed()).toBe(4);
  });

  it('untracks a resource handed to another owner, and what it holds, without disposing it', () => {
    const tracker = new ResourceTracker();
    const map = new THREE.Texture();
    const shared = new THREE.MeshBasicMaterial({ map });
    const own = new THREE.BoxGeometry();
    const disposed = watch(map, shared, own);
    tracker.track(new THREE.Mesh(own, shared));
    expect(tracker.untrack(shared)).toBe(shared);
    expect(tracker.has(map)).toBe(false);
    tracker.dispose();
    expect(disposed()).toBe(1);
  });

  it('ignores things that are not three.js resources', () => {
    const tracker = new ResourceTracker();
    expect(tracker.track(42)).toBe(42);
    expect(tracker.track({ dispose: () => undefined })).toBeTruthy();
    expect(tracker.size).toBe(0);
  });
});
