/** The recovery plan: generation from an assessment, weekly adaptation by pain response, and replay of check-ins. */
export * from './types.js';
export * from './schema.js';
export * from './decision-labels.js';
export * from './generate-plan.js';
export * from './adapt-plan.js';
export * from './calendar.js';
export * from './replay-plan.js';
export * from './today.js';
export * from './session.js';
export * from './session-stop-rules.js';
export * from './edits.js';
export * from './check-in-recheck.js';
export * from './edit-text.js';
