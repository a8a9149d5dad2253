/**
 * What imported runs mean for the runner: the training report every front
 * end shows, and the interview answers they fill in with their provenance.
 * Pure: no I/O, no clock.
 */
export * from './training-report.js';
export * from './fill-answers.js';
export * from './stored-activity-index.js';
