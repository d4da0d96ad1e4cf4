/**
 * The bridge handlers both hosts dispatch to (see electron/bridge/dispatch.ts): one per
 * contract channel, each a thin call into the back office. Payloads arrive parsed.
 */
import type { BridgeHandlers } from '../bridge/dispatch.js';
import type { BackOffice } from './types.js';

/** One handler per channel in CHANNELS, answering from `backOffice`. */
export function createBridgeHandlers(backOffice: BackOffice): BridgeHandlers {
  return {
    record: (event) => backOffice.record(event),
    tallies: () => backOffice.tallies(),
    stationCounts: ({ sceneId }) => backOffice.stationCounts(sceneId),
    config: () => backOffice.config(),
    health: () => backOffice.health(),
    log: (entry) => {
      backOffice.log(entry);
      return { logged: true as const };
    },
    adminState: () => backOffice.admin.state(),
    adminSetupPin: ({ pin }) => backOffice.admin.setupPin(pin),
    adminUnlock: ({ pin }) => backOffice.admin.unlock(pin),
    adminPanel: ({ adminToken }) => backOffice.admin.panel(adminToken),
    adminAction: (request) => backOffice.admin.action(request),
    adminExport: ({ adminToken, period }) => backOffice.admin.exportPeriod(adminToken, period),
    festivalTotals: () => backOffice.festivalTotals(),
  };
}
