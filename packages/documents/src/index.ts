/**
 * The documents a runner or clinician takes away, built the same for the
 * CLI and the server: the illustrated plan handout (PDF), the plan as an
 * iCalendar file, and the words they share with the CLI's text.
 */
export * from './dates.js';
export * from './describe-plan.js';
export * from './labels.js';
export * from './plan-ics.js';
export * from './plan-pdf.js';
export * from './weak-links.js';
export * from './summary-pdf.js';
