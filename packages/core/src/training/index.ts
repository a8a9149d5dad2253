/**
 * Training analytics over imported runs: the activity model, load, hills,
 * cadence and running dynamics, shoes, duplicates, findings for the
 * assessment, and pain against training. Pure: no I/O, no clock.
 */
export * from './activity.js';
export * from './time.js';
export * from './stats.js';
export * from './load.js';
export * from './hills.js';
export * from './dynamics.js';
export * from './shoes.js';
export * from './duplicates.js';
export * from './findings.js';
export * from './pain-vs-training.js';
export * from './import-outcome.js';
export * from './series.js';
