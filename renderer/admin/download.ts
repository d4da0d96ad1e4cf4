/**
 * Browser-host downloads: a hidden `<a download>` per file, clicked by the page. Runs in the
 * renderer (browser host only; in Electron the back office writes the files itself).
 */
import { TOKEN_META_NAME } from '../../electron/bridge/contract.js';
import { h } from '../shell/dom.js';
import { downloadUrl, type ExportFile } from './export-runner.js';

/** Gap between downloads: Chromium drops some when a page starts many in the same instant. */
const DOWNLOAD_GAP_MS = 350;

/** The per-launch token the browser host put into the page. */
export function pageToken(): string {
  return document.querySelector<HTMLMetaElement>(`meta[name="${TOKEN_META_NAME}"]`)?.content ?? '';
}

/** A link to one exported file (also shown in the panel, so staff can tap it again). */
export function fileLink(file: ExportFile & { downloadPath: string }, text: string): HTMLAnchorElement {
  return h(
    'a',
    { class: 'admin-export__file', href: downloadUrl(file.downloadPath, pageToken()), download: file.name },
    text,
  );
}

/** Starts the download of one file and waits a moment before the next may start. */
export async function downloadFile(file: ExportFile & { downloadPath: string }): Promise<void> {
  const link = fileLink(file, file.name);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  await new Promise((resolve) => setTimeout(resolve, DOWNLOAD_GAP_MS));
}
