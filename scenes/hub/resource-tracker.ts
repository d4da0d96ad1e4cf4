/**
 * Tracks every three.js geometry, material and texture a scene creates, so that leaving the
 * scene disposes all of them (pattern from the three.js manual, "Cleanup"). Runs in the renderer.
 */
import * as THREE from 'three';

type Disposable = THREE.BufferGeometry | THREE.Material | THREE.Texture;

export class ResourceTracker {
  private readonly resources = new Set<Disposable>();

  /** Registers a resource (or every resource of an object tree) and returns it. */
  track<T>(resource: T): T {
    if (resource instanceof THREE.BufferGeometry || resource instanceof THREE.Texture) {
      this.resources.add(resource);
    } else if (resource instanceof THREE.Material) {
      this.resources.add(resource);
      for (const value of Object.values(resource)) {
        if (value instanceof THREE.Texture) this.resources.add(value);
      }
    } else if (resource instanceof THREE.Object3D) {
      resource.traverse((child) => {
        const { geometry, material } = child as Partial<THREE.Mesh>;
        if (geometry) this.track(geometry);
        if (Array.isArray(material)) for (const m of material) this.track(m);
        else if (material) this.track(material);
      });
    }
    return resource;
  }

  get size(): number {
    return this.resources.size;
  }

  /** Disposes everything tracked; the tracker is empty afterwards. */
  dispose(): void {
    for (const resource of this.resources) resource.dispose();
    this.resources.clear();
  }
}
