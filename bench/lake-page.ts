/**
 * Mounts the pledge station's lantern lake alone for bench/lake.bench.ts: `?lanterns=N`
 * lanterns, the visitor's lantern rising; exposes its figures as `window.lakeStats()`.
 */
import { LanternLake } from '../scenes/pledge/lake/lantern-lake.js';

const count = Number(new URLSearchParams(location.search).get('lanterns') ?? '1000');
const palette = [0xffc94d, 0xff6b5b, 0xff4d7d, 0x3ee0b5, 0x5aa9ff, 0xb48cff];
// Colours as the journal would count them: most lanterns coloured, a few from before colours.
const perColour = palette.map((_, i) => Math.floor((count * 0.9) / palette.length) + (i === 3 ? 1 : 0));
const lake = new LanternLake({
  lanterns: { count, perColour, visitor: { colour: 3, lanterns: 1 } },
  palette,
});
document.body.append(lake.element);
const painting = performance.now();
lake.resize(innerWidth, innerHeight);
const paintMs = performance.now() - painting;
lake.start();
Object.assign(window, { lakeStats: () => ({ ...lake.stats(), paintMs }), lakeReady: true });
