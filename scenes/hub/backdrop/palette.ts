/**
 * The painted backdrop's colours (the campaign palette of renderer/styles/tokens.css, at
 * night) and what every painter is given.
 */
import type { Rng } from '../../shared/seeded-rng.js';
import type { WorldLayout } from '../world-layout.js';

/** A painter's canvas and the scene it paints: a `w`×`h` CSS px screen, and the seeded RNG. */
export interface Canvas2D {
  c: CanvasRenderingContext2D;
  w: number;
  h: number;
  layout: WorldLayout;
  random: Rng;
}
export const PAINT = {
  skyTop: '#050818',
  skyMid: '#0f1742',
  skyLow: '#2a2466',
  skyGlow: '#5b2f6e',
  star: '#e8edff',
  starWarm: '#ffe1a8',
  farBuilding: '#231f57',
  nearBuilding: '#15123a',
  roof: '#1d1442',
  tree: '#0b1a2e',
  treeLight: '#12293d',
  window: '#ffc94d',
  windowWarm: '#ffa35c',
  lanternRed: '#ff4d4d',
  water: '#1b1e52',
  waterDeep: '#050816',
  stone: '#f0cf8e',
  stoneShade: '#b98a54',
  stoneDark: '#6e4a33',
  roofTile: '#4a2230',
  bridge: '#ff5a48',
  bridgeShade: '#b8322a',
  islet: '#0e2233',
} as const;
