/**
 * What an import did to each uploaded file, as one honest status and one
 * line of text: a partly recovered file says "kept 1 activity, partly
 * damaged: …", never "imported" next to "could not be read". The server
 * counts, the web and the CLI word it with these functions. Pure and
 * without imports, so the web may bundle it.
 */

/** The one status of an uploaded file after an import. */
export type FileImportStatus =
  /** Every activity in it was read; the new ones were stored. */
  | 'imported'
  /** Activities were kept, but part of the file (or of a zip's files) could not be read. */
  | 'partly_damaged'
  /** Read, and every activity in it was already there (or elsewhere in the upload). */
  | 'already_imported'
  /** New activities were left for the next import of the same file (the per-upload limit). */
  | 'more_to_import'
  /** Nothing could be read from it. */
  | 'not_read';

/** The counts of one uploaded file, as the server gives them. */
export interface FileImportCounts {
  /** New activities stored from the file. */
  stored: number;
  /** Runs among {@link stored}. */
  runs: number;
  /** Activities read but not stored: the runner had them, or the upload held the same run twice. */
  duplicates: number;
  /** New activities not stored because one import stores only so many; the next import of the file stores them. */
  notStored: number;
  /** Why (part of) the file could not be read, one entry per problem (a zip's entries prefixed with their path). */
  problems: readonly string[];
  /**
   * Files (the upload itself, or a zip's entries) not read at all because
   * the runner has their exact content stored already (matched by hash).
   */
  skipped?: number;
}

/**
 * The importer ends a damaged FIT file's message with what it kept; the
 * status line says that already, so the clause is left out of the reason.
 */
const KEPT_CLAUSE = /;\s*kept \d+ activit(?:y|ies) from the data before the damage$/;

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const activities = (n: number) => count(n, 'activity', 'activities');

/** The status of one uploaded file from its counts (see {@link FileImportStatus}). */
export function fileImportStatus(c: FileImportCounts): FileImportStatus {
  if (c.notStored > 0) return 'more_to_import';
  const read = c.stored + c.duplicates;
  if (read === 0 && (c.skipped ?? 0) === 0) return 'not_read';
  if (c.problems.length > 0) return 'partly_damaged';
  return c.stored > 0 ? 'imported' : 'already_imported';
}

/** Why part of a file could not be read, in one clause (the problems joined, without repeating what was kept). */
export function importProblemReason(problems: readonly string[]): string {
  const reasons = problems.map((p) => p.replace(KEPT_CLAUSE, '').trim()).filter((p) => p !== '');
  return reasons.length > 0 ? reasons.join('; ') : 'no activity in it';
}

/**
 * One file's outcome in one line, e.g. "Imported 2 activities (1 run)",
 * "Kept 1 activity, partly damaged: …", "Already imported (1 duplicate
 * skipped)", "Could not be read: …".
 */
export function describeFileImport(c: FileImportCounts): string {
  const status = fileImportStatus(c);
  const runs = c.runs !== c.stored ? ` (${count(c.runs, 'run', 'runs')})` : '';
  const unread = c.skipped ?? 0;
  const dups =
    (c.duplicates > 0 ? `, ${count(c.duplicates, 'duplicate', 'duplicates')} skipped` : '') +
    (unread > 0 ? `, ${count(unread, 'file', 'files')} imported before not read again` : '');
  switch (status) {
    case 'imported':
      return `Imported ${activities(c.stored)}${runs}${dups}`;
    case 'already_imported':
      return c.duplicates === 0
        ? 'Already imported: not read again'
        : `Already imported (${count(c.duplicates, 'duplicate', 'duplicates')} skipped${unread > 0 ? `, ${count(unread, 'file', 'files')} not read again` : ''})`;
    case 'partly_damaged':
      return `Kept ${activities(c.stored)}${runs}${dups}, partly damaged: ${importProblemReason(c.problems)}`;
    case 'more_to_import':
      return `Kept ${activities(c.stored)}${runs}${dups}; ${activities(c.notStored)} more not stored yet: import the same file again to store them`;
    case 'not_read':
      return `Could not be read: ${importProblemReason(c.problems)}`;
  }
}

/**
 * A whole import in one sentence, from the files' counts, so that it agrees
 * with the per-file lines: "3 files: 4 activities imported, 1 duplicate
 * skipped; 1 file partly damaged; 1 file could not be read."
 */
export function describeImportTotals(files: readonly FileImportCounts[]): string {
  const stored = files.reduce((s, f) => s + f.stored, 0);
  const duplicates = files.reduce((s, f) => s + f.duplicates, 0);
  const unread = files.reduce((s, f) => s + (f.skipped ?? 0), 0);
  const statuses = files.map(fileImportStatus);
  const n = (s: FileImportStatus) => statuses.filter((x) => x === s).length;
  const parts = [
    `${activities(stored)} imported${duplicates > 0 ? `, ${count(duplicates, 'duplicate', 'duplicates')} skipped` : ''}${unread > 0 ? `, ${count(unread, 'file', 'files')} imported before not read again` : ''}`,
  ];
  if (n('partly_damaged') > 0)
    parts.push(`${count(n('partly_damaged'), 'file', 'files')} partly damaged`);
  if (n('more_to_import') > 0) {
    parts.push(`${count(n('more_to_import'), 'file has', 'files have')} more to import`);
  }
  if (n('not_read') > 0) parts.push(`${count(n('not_read'), 'file', 'files')} could not be read`);
  return `${count(files.length, 'file', 'files')}: ${parts.join('; ')}.`;
}
