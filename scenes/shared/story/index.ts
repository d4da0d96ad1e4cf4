/**
 * The story-simulation engine: pure functions over scenario data, no Phaser, no DOM.
 * The phone scene imports from here only.
 */
export * from './schema.js';
export * from '../content/content-error.js';
export { parseContentFileName } from '../content/file-name.js';
export { loadScenario, validateScenarioPair } from './load.js';
export { checkScenarioFile, HELP_LINES } from './validate.js';
export * from './graph.js';
export * from './tactics.js';
export * from './checks.js';
export * from './lesson-limits.js';
export * from './draw.js';
export * from './run.js';
export * from './score.js';
export * from './events.js';
export * from './estimate.js';
export * from './bundle.js';
