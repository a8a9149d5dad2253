/** The recovery plan: generation from an assessment, and weekly adaptation by pain response. */
export * from './types.js';
export * from './generate-plan.js';
export * from './adapt-plan.js';
