/**
 * A station's metadata, `scenes/<station>/station.json`: its id, place on the hub, icon,
 * beacon colour, and its name and one-line pitch in both languages. Content, not code, so
 * organisers rename a station without touching the shell; the registry reads it at boot.
 */
import { z } from 'zod';
import { SceneIdSchema } from '../../../electron/bridge/contract.js';
import { CONTENT_PARSE_OPTIONS, ContentError, fromZodError } from './content-error.js';

const bilingual = (max: number) =>
  z.strictObject({ vi: z.string().trim().min(1).max(max), en: z.string().trim().min(1).max(max) });

export const StationMetaSchema = z.strictObject({
  id: SceneIdSchema,
  /** Position on the hub (1 first). */
  order: z.int().min(1).max(99),
  /** A name from the picture kit (scenes/shared/dom/pictures.ts). */
  icon: z.string().min(1).max(40),
  /** The beacon's and the button's accent, "#rrggbb". */
  color: z.string().regex(/^#[0-9a-f]{6}$/i, 'must be a colour like "#ff6b5b"'),
  name: bilingual(40),
  pitch: bilingual(80),
});
export type StationMeta = z.infer<typeof StationMetaSchema>;

/**
 * Validates one station.json; its id must match the folder it sits in.
 * @param path the file's path, e.g. `./scam/station.json`
 * @throws ContentError naming the file and field
 */
export function loadStationMeta(json: unknown, path: string): StationMeta {
  const parsed = StationMetaSchema.safeParse(json, CONTENT_PARSE_OPTIONS);
  if (!parsed.success) throw new ContentError(path, fromZodError(parsed.error));
  const folder = /([^/\\]+)[/\\]station\.json$/.exec(path)?.[1];
  if (folder !== undefined && folder !== parsed.data.id) {
    throw new ContentError(path, [
      { path: 'id', message: `"${parsed.data.id}" does not match its folder "${folder}"` },
    ]);
  }
  return parsed.data;
}
