/** The assessment engine: validation, triage, ranking, risk screen and the interview. */
export * from './answers.js';
export * from './exclusive-options.js';
export * from './assess.js';
export * from './interview.js';
export * from './likelihood-band.js';
export * from './rank-contributors.js';
export * from './report-view.js';
export * from './score-risk.js';
export * from './triage.js';
export * from './evaluate-cases.js';
export * from './named-answers.js';
export * from './screen-fixture.js';
