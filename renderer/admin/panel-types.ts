/** What the staff panel is drawn from: the back office's adminPanel answer. */
import type { ChannelResponse, Language } from '../../electron/bridge/contract.js';

export type PanelData = ChannelResponse<'adminPanel'>;

/** What every panel section needs to draw itself. */
export interface ViewContext {
  language: Language;
  /** A station's display name in the current language (its id when it has no name). */
  stationName: (id: string) => string;
}
