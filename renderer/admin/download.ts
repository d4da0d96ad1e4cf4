/**
 * Browser-host downloads: a hidden `<a download>` per file, clicked by the page. The link is
 * the file's one-time download path: no token in it (the unguessable id is the key, and the
 * file is gone once fetched). Runs in the renderer (browser host only; in Electron the back
 * office writes the files itself).
 */
import { h } from '../shell/dom.js';
import type { ExportFile } from './export-runner.js';

/** Gap between downloads: Chromium drops some when a page starts many in the same instant. */
const DOWNLOAD_GAP_MS = 350;

/** Starts the download of one file and waits a moment before the next may start. */
export async function downloadFile(file: ExportFile & { downloadPath: string }): Promise<void> {
  const link = h('a', { href: file.downloadPath, download: file.name, hidden: true });
  document.body.append(link);
  link.click();
  link.remove();
  await new Promise((resolve) => setTimeout(resolve, DOWNLOAD_GAP_MS));
}
