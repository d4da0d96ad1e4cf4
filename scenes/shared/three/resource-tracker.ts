/**
 * Tracks every three.js geometry, material and texture a scene creates, so that leaving the
 * scene disposes all of them (pattern from the three.js manual, "Cleanup"), including the
 * textures a shader material holds in its uniforms. A resource handed to another owner is
 * `untrack`ed first, so disposing this scene does not pull it from under its new owner.
 * Runs in the renderer (and in Node for tests: it touches no DOM).
 */
import * as THREE from 'three';

type Disposable = THREE.BufferGeometry | THREE.Material | THREE.Texture;

/** Textures held by a uniform value: a texture, or an array of them (samplers arrays). */
function uniformTextures(value: unknown): THREE.Texture[] {
  const items: unknown[] = Array.isArray(value) ? (value as unknown[]) : [value];
  const out: THREE.Texture[] = [];
  for (const item of items) if (item instanceof THREE.Texture) out.push(item as THREE.Texture);
  return out;
}

/** Every disposable resource of `resource` (itself, a material's textures, an object tree's parts). */
function resourcesOf(resource: unknown): Disposable[] {
  if (resource instanceof THREE.BufferGeometry || resource instanceof THREE.Texture) return [resource];
  if (resource instanceof THREE.Material) {
    const out: Disposable[] = [resource];
    for (const value of Object.values(resource)) if (value instanceof THREE.Texture) out.push(value);
    if (resource instanceof THREE.ShaderMaterial) {
      for (const uniform of Object.values(resource.uniforms)) out.push(...uniformTextures(uniform.value));
    }
    return out;
  }
  if (resource instanceof THREE.Object3D) {
    const out: Disposable[] = [];
    resource.traverse((child) => {
      const { geometry, material } = child as Partial<THREE.Mesh>;
      if (geometry) out.push(...resourcesOf(geometry));
      if (Array.isArray(material)) for (const m of material) out.push(...resourcesOf(m));
      else if (material) out.push(...resourcesOf(material));
    });
    return out;
  }
  return [];
}

export class ResourceTracker {
  private readonly resources = new Set<Disposable>();

  /** Registers a resource (or every resource of a material or object tree) and returns it. */
  track<T>(resource: T): T {
    for (const item of resourcesOf(resource)) this.resources.add(item);
    return resource;
  }

  /** Forgets a resource (and what it holds) without disposing it; returns it. */
  untrack<T>(resource: T): T {
    for (const item of resourcesOf(resource)) this.resources.delete(item);
    return resource;
  }

  /** Whether `resource` is tracked. */
  has(resource: Disposable): boolean {
    return this.resources.has(resource);
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
