/**
 * The Electron side of the kiosk's keyboard policy: the table itself is shared with the
 * browser host's page (electron/bridge/key-policy.ts).
 */
export { shouldBlockInput, type KeyInput } from '../bridge/key-policy.js';
