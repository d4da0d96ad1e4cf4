/**
 * Mounts the pledge station's lantern lake alone for bench/lake.bench.ts: `?lanterns=N`
 * lanterns, the visitor's lantern rising; exposes its figures as `window.lakeStats()`.
 */
import { LanternLake } from '../scenes/pledge/lake/lantern-lake.js';

const count = Number(new URLSearchParams(location.search).get('lanterns') ?? '1000');
const lake = new LanternLake({
  count,
  palette: [0xffc94d, 0xff6b5b, 0xff4d7d, 0x3ee0b5, 0x5aa9ff, 0xb48cff],
  visitorColour: 0x3ee0b5,
});
document.body.append(lake.element);
const painting = performance.now();
lake.resize(innerWidth, innerHeight);
const paintMs = performance.now() - painting;
lake.start();
Object.assign(window, { lakeStats: () => ({ ...lake.stats(), paintMs }), lakeReady: true });
