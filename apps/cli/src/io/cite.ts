/** Sources as a runner reads them: short names, never internal ids (the documents package's wording). */
export { citeSources } from '@backtrack/documents';
