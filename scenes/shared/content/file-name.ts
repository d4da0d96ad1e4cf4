/** Content file names: `<id>.<lang>.json`, the id and language the file must declare. */
import { baseName, ContentError } from './content-error.js';

const FILE_NAME = /^(.+)\.(vi|en)\.json$/;

/** Splits `otp-bank.en.json` (or a path ending in it) into its id and language, or throws a clear error. */
export function parseContentFileName(fileName: string): { id: string; lang: 'vi' | 'en' } {
  const name = baseName(fileName);
  const match = FILE_NAME.exec(name);
  if (!match?.[1] || (match[2] !== 'vi' && match[2] !== 'en')) {
    throw new ContentError(name, [
      { path: '', message: 'file name must look like "<id>.vi.json" or "<id>.en.json"' },
    ]);
  }
  return { id: match[1], lang: match[2] };
}
