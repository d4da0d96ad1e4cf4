/**
 * A page-side probe for what a station leaves behind. Installed before the page's own
 * scripts, it watches timers, animation frames, window/document listeners and WebGL contexts,
 * and tags those created while a station is mounted (`.station-root__inner` in the DOM).
 * `stationLeftovers()` then lists what a station started and never ended (WebGL contexts are
 * held weakly: one the page no longer references is collected, not leaked).
 */
import type { Page } from '@playwright/test';

export interface Leftovers {
  timeouts: number;
  intervals: number;
  frames: number;
  listeners: string[];
  liveContexts: number;
  contextsCreated: number;
  stationNodes: number;
}

declare global {
  interface Window {
    __leaks?: () => Leftovers;
  }
}

/** The probe itself; runs in the page (so it may not use anything from this module's scope). */
function probe(): void {
  const mounted = (): boolean => document.querySelector('.station-root__inner') !== null;
  const timeouts = new Set<number>();
  const intervals = new Set<number>();
  const frames = new Set<number>();
  const listeners = new Map<string, number>();
  // Weak: a context nobody holds any more is collected by the browser, and is not a leak.
  const contexts: WeakRef<WebGLRenderingContext>[] = [];
  const win = window as unknown as Record<string, unknown>;

  const setTimeoutOriginal = window.setTimeout.bind(window);
  const clearTimeoutOriginal = window.clearTimeout.bind(window);
  win.setTimeout = (handler: TimerHandler, ms?: number, ...args: unknown[]): number => {
    const tagged = mounted();
    const id: number = setTimeoutOriginal(
      (...inner: unknown[]) => {
        timeouts.delete(id);
        if (typeof handler === 'function') (handler as (...a: unknown[]) => void)(...inner);
      },
      ms,
      ...args,
    );
    if (tagged) timeouts.add(id);
    return id;
  };
  win.clearTimeout = (id?: number): void => {
    if (id !== undefined) timeouts.delete(id);
    clearTimeoutOriginal(id);
  };
  const setIntervalOriginal = window.setInterval.bind(window);
  const clearIntervalOriginal = window.clearInterval.bind(window);
  win.setInterval = (handler: TimerHandler, ms?: number, ...args: unknown[]): number => {
    const id = setIntervalOriginal(handler, ms, ...args);
    if (mounted()) intervals.add(id);
    return id;
  };
  win.clearInterval = (id?: number): void => {
    if (id !== undefined) intervals.delete(id);
    clearIntervalOriginal(id);
  };
  const rafOriginal = window.requestAnimationFrame.bind(window);
  const cafOriginal = window.cancelAnimationFrame.bind(window);
  win.requestAnimationFrame = (callback: FrameRequestCallback): number => {
    const tagged = mounted();
    const id = rafOriginal((time) => {
      frames.delete(id);
      callback(time);
    });
    if (tagged) frames.add(id);
    return id;
  };
  win.cancelAnimationFrame = (id: number): void => {
    frames.delete(id);
    cafOriginal(id);
  };

  const key = (target: EventTarget, type: string, capture: boolean, listener: unknown): string =>
    `${target === window ? 'window' : 'document'}:${type}:${String(capture)}:${String(listenerIds.get(listener as object) ?? '')}`;
  const listenerIds = new WeakMap<object, number>();
  let nextListener = 0;
  const captureOf = (options: unknown): boolean =>
    typeof options === 'boolean' ? options : Boolean((options as { capture?: boolean } | undefined)?.capture);
  type Listen = (this: EventTarget, ...args: Parameters<EventTarget['addEventListener']>) => void;
  // Taken through their descriptors: the originals are called with the target as `this`.
  const original = (target: object, name: string): unknown =>
    Object.getOwnPropertyDescriptor(target, name)?.value as unknown;
  const add = original(EventTarget.prototype, 'addEventListener') as Listen;
  const remove = original(EventTarget.prototype, 'removeEventListener') as Listen;
  EventTarget.prototype.addEventListener = function (type, listener, options) {
    if ((this === window || this === document) && listener && mounted()) {
      if (!listenerIds.has(listener)) listenerIds.set(listener, (nextListener += 1));
      const k = key(this, type, captureOf(options), listener);
      listeners.set(k, (listeners.get(k) ?? 0) + 1);
    }
    add.call(this, type, listener, options);
  };
  EventTarget.prototype.removeEventListener = function (type, listener, options) {
    if ((this === window || this === document) && listener && listenerIds.has(listener)) {
      listeners.delete(key(this, type, captureOf(options), listener));
    }
    remove.call(this, type, listener, options);
  };

  const getContext = original(HTMLCanvasElement.prototype, 'getContext') as (
    this: HTMLCanvasElement,
    ...args: unknown[]
  ) => unknown;
  HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args: unknown[]) {
    const context = getContext.apply(this, args);
    const kind = String(args[0]);
    if (mounted() && context && kind.includes('webgl'))
      contexts.push(new WeakRef(context as WebGLRenderingContext));
    return context;
  } as typeof HTMLCanvasElement.prototype.getContext;

  window.__leaks = () => ({
    timeouts: timeouts.size,
    intervals: intervals.size,
    frames: frames.size,
    listeners: [...listeners.keys()],
    liveContexts: contexts.filter((ref) => ref.deref()?.isContextLost() === false).length,
    contextsCreated: contexts.length,
    stationNodes: document.querySelectorAll('.station-root__inner, .station-root > *').length,
  });
}

/** Installs the probe on every page load of `page`. */
export async function installLeakProbe(page: Page): Promise<void> {
  await page.addInitScript(probe);
}

/**
 * What stations started and left behind, as counted by the probe, after a garbage collection
 * (so only what something still holds counts).
 */
export async function stationLeftovers(page: Page): Promise<Leftovers> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.detach();
  return page.evaluate(() => {
    if (!window.__leaks) throw new Error('the leak probe is not installed');
    return window.__leaks();
  });
}
