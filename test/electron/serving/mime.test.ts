import { describe, expect, it } from 'vitest';
import { DEFAULT_MIME_TYPE, mimeTypeFor } from '../../../electron/serving/mime.js';

describe('mimeTypeFor', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['assets/index-abc.js', 'text/javascript; charset=utf-8'],
    ['assets/style.CSS', 'text/css; charset=utf-8'],
    ['fonts/be-vietnam-pro.woff2', 'font/woff2'],
    ['img/hero.webp', 'image/webp'],
    ['img/icon.svg', 'image/svg+xml'],
    ['audio/alert.mp3', 'audio/mpeg'],
    ['video/intro.webm', 'video/webm'],
    ['models/phone.glb', 'model/gltf-binary'],
    ['wasm/decoder.wasm', 'application/wasm'],
    ['data/scenario.json', 'application/json; charset=utf-8'],
  ])('%s → %s', (file, type) => {
    expect(mimeTypeFor(file)).toBe(type);
  });

  it.each(['LICENSE', 'archive.xyz', 'dir.v2/README'])('unknown %s → octet-stream', (file) => {
    expect(mimeTypeFor(file)).toBe(DEFAULT_MIME_TYPE);
  });
});
