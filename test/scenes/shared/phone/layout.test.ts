import { describe, expect, it } from 'vitest';
import {
  computeLayout,
  screenRegions,
  type Rect,
  type ScreenMode,
} from '../../../../scenes/shared/phone/layout.js';

const inside = (inner: Rect, outer: Rect): boolean =>
  inner.x >= outer.x &&
  inner.y >= outer.y &&
  inner.x + inner.width <= outer.x + outer.width &&
  inner.y + inner.height <= outer.y + outer.height;

const overlaps = (a: Rect, b: Rect): boolean =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const SCREENS = [
  { name: 'landscape 1920×1080', width: 1920, height: 1080 },
  { name: 'portrait 1080×1920', width: 1080, height: 1920 },
  { name: 'small landscape 1280×720', width: 1280, height: 720 },
  { name: 'ultra-wide 2560×1080', width: 2560, height: 1080 },
] as const;

describe('computeLayout', () => {
  for (const screen of SCREENS) {
    describe(screen.name, () => {
      const layout = computeLayout(screen.width, screen.height);
      const viewport = { x: 0, y: 0, width: screen.width, height: screen.height };

      it('keeps the phone and the panel on screen, below the shell top bar, apart', () => {
        expect(inside(layout.phone, viewport)).toBe(true);
        expect(inside(layout.panel, viewport)).toBe(true);
        expect(inside(layout.panelFull, viewport)).toBe(true);
        expect(layout.phone.y).toBeGreaterThanOrEqual(100);
        expect(layout.panel.y).toBeGreaterThanOrEqual(100);
        expect(overlaps(layout.phone, layout.panel)).toBe(false);
      });

      it('gives the canvas stage the whole phone and the countdown ring', () => {
        expect(inside(layout.phone, layout.stage)).toBe(true);
        const { ring } = layout;
        const ringBox = {
          x: ring.x - ring.radius,
          y: ring.y - ring.radius,
          width: 2 * ring.radius,
          height: 2 * ring.radius,
        };
        expect(inside(ringBox, layout.stage)).toBe(true);
        expect(inside(ringBox, layout.panel)).toBe(true);
        expect(inside(layout.screen, layout.phone)).toBe(true);
      });

      it('is big enough to read: a phone-shaped phone, a panel wide enough for the choices', () => {
        expect(layout.phone.height / layout.phone.width).toBeGreaterThan(1.9);
        expect(layout.phone.height).toBeGreaterThan(screen.height * 0.4);
        expect(layout.panel.width).toBeGreaterThan(600);
        expect(layout.panel.height).toBeGreaterThan(480);
      });
    });
  }

  it('puts the phone beside the panel in landscape and above it in portrait', () => {
    const landscape = computeLayout(1920, 1080);
    expect(landscape.orientation).toBe('landscape');
    expect(landscape.panel.x).toBeGreaterThan(landscape.phone.x + landscape.phone.width);
    expect(landscape.panelFull).toEqual(landscape.panel);
    const portrait = computeLayout(1080, 1920);
    expect(portrait.orientation).toBe('portrait');
    expect(portrait.panel.y).toBeGreaterThan(portrait.phone.y + portrait.phone.height);
    // The debrief's full panel reaches up over the phone, so the hotlines fit without scrolling.
    expect(portrait.panelFull.y).toBe(portrait.phone.y);
    expect(portrait.panelFull.y + portrait.panelFull.height).toBe(portrait.panel.y + portrait.panel.height);
  });

  it('keeps the canvas much smaller than the screen (the phone, not the whole viewport, is drawn)', () => {
    const layout = computeLayout(1920, 1080);
    expect(layout.stage.width * layout.stage.height).toBeLessThan(0.5 * 1920 * 1080);
  });

  it('rejects a viewport without a size', () => {
    expect(() => computeLayout(0, 1080)).toThrow(/bad viewport 0×1080/);
    expect(() => computeLayout(Number.NaN, 10)).toThrow(/bad viewport/);
  });
});

describe('screenRegions', () => {
  const { screen } = computeLayout(1920, 1080);
  const modes: ScreenMode[] = ['lock', 'sms', 'chat', 'call', 'video'];
  for (const mode of modes) {
    it(`${mode}: every region lies on the screen, the log above the typing strip above the footer`, () => {
      const regions = screenRegions(screen, mode);
      for (const rect of [regions.status, regions.header, regions.log, regions.typing, regions.footer]) {
        expect(inside(rect, screen), JSON.stringify(rect)).toBe(true);
      }
      expect(regions.log.y + regions.log.height).toBeLessThanOrEqual(regions.typing.y);
      expect(regions.typing.y + regions.typing.height).toBeLessThanOrEqual(regions.footer.y);
      expect(regions.log.height).toBeGreaterThan(screen.height * 0.2);
    });
  }

  it('puts the caller under the big avatar in a call, and the avatar in the header in a thread', () => {
    const call = screenRegions(screen, 'call');
    expect(call.header.y).toBeGreaterThanOrEqual(call.portrait.y + call.portrait.radius);
    const thread = screenRegions(screen, 'chat');
    expect(thread.portrait.y).toBeGreaterThan(thread.header.y);
    expect(thread.portrait.y).toBeLessThan(thread.header.y + thread.header.height);
  });
});
