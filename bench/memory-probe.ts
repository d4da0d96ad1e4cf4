/**
 * A page-side count of live WebGL objects (textures, buffers, programs), per context, for the
 * memory benchmark: Phaser's textures and three.js's textures, geometries (buffers) and
 * programs all end up as these, so one probe covers both engines. Only contexts that are
 * still reachable and not lost count: a destroyed game whose context was collected holds
 * nothing. Installed before the page's scripts; read with `liveGlObjects(page)`.
 */
import type { Page } from 'playwright-core';

export interface GlObjects {
  contexts: number;
  textures: number;
  buffers: number;
  programs: number;
}

declare global {
  interface Window {
    __glObjects?: () => GlObjects;
  }
}

/** The probe itself; runs in the page (so it may use nothing from this module's scope). */
function probe(): void {
  type Kind = 'textures' | 'buffers' | 'programs';
  const counts = new WeakMap<object, Record<Kind, number>>();
  const contexts: WeakRef<WebGLRenderingContext | WebGL2RenderingContext>[] = [];
  // Weak: counting an object must not keep it (or its context) alive.
  const live = new WeakSet<object>();
  const pairs: [Kind, string, string][] = [
    ['textures', 'createTexture', 'deleteTexture'],
    ['buffers', 'createBuffer', 'deleteBuffer'],
    ['programs', 'createProgram', 'deleteProgram'],
  ];
  const tally = (context: object): Record<Kind, number> => {
    let entry = counts.get(context);
    if (!entry) {
      entry = { textures: 0, buffers: 0, programs: 0 };
      counts.set(context, entry);
      contexts.push(new WeakRef(context as WebGLRenderingContext));
    }
    return entry;
  };
  for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
    const target = proto as unknown as Record<string, (this: object, ...args: unknown[]) => unknown>;
    for (const [kind, create, remove] of pairs) {
      const make = target[create];
      const drop = target[remove];
      if (!make || !drop) continue;
      target[create] = function (this: object, ...args: unknown[]) {
        const made = make.apply(this, args);
        if (made !== null && typeof made === 'object') {
          live.add(made);
          tally(this)[kind] += 1;
        }
        return made;
      };
      target[remove] = function (this: object, ...args: unknown[]) {
        const [object] = args;
        if (object !== null && typeof object === 'object' && live.has(object)) {
          live.delete(object);
          tally(this)[kind] -= 1;
        }
        return drop.apply(this, args);
      };
    }
  }
  window.__glObjects = () => {
    const sum: GlObjects = { contexts: 0, textures: 0, buffers: 0, programs: 0 };
    for (const ref of contexts) {
      const context = ref.deref();
      if (!context || context.isContextLost()) continue;
      const entry = counts.get(context);
      if (!entry) continue;
      sum.contexts += 1;
      sum.textures += entry.textures;
      sum.buffers += entry.buffers;
      sum.programs += entry.programs;
    }
    return sum;
  };
}

/** Installs the probe on every page load of `page`. */
export async function installGlProbe(page: Page): Promise<void> {
  // As source: tsx (which runs the benchmarks) wraps named functions in a `__name` helper
  // that exists only in Node, so the page gets a no-op one.
  await page.addInitScript(`{ const __name = (target) => target; (${probe.toString()})(); }`);
}

/** Live WebGL objects in reachable, unlost contexts (call after a garbage collection). */
export function liveGlObjects(page: Page): Promise<GlObjects> {
  return page.evaluate(() => {
    if (!window.__glObjects) throw new Error('the WebGL probe is not installed');
    return window.__glObjects();
  });
}
