/**
 * Avatars on the phone: a speaker's `avatar` in the content names a picture of the shared
 * picture kit (scenes/shared/dom/pictures.ts); an emoji written straight into the content, or
 * else the name's first letter, stands in for an unknown one, so a new avatar never breaks
 * the phone.
 */
import { pictureUrl } from '../dom/pictures.js';

/** The avatar picture for a content avatar name, or null when the kit has no such picture. */
export function avatarUrl(avatar: string): string | null {
  return pictureUrl(avatar);
}
