import { describe, expect, it } from 'vitest';
import {
  describeFileImport,
  describeImportTotals,
  fileImportStatus,
  type FileImportCounts,
} from './import-outcome.js';

const none: FileImportCounts = { stored: 0, runs: 0, duplicates: 0, notStored: 0, problems: [] };

describe('import outcome of one file', () => {
  const cases: { name: string; counts: FileImportCounts; status: string; text: string }[] = [
    {
      name: 'a clean file',
      counts: { ...none, stored: 2, runs: 1 },
      status: 'imported',
      text: 'Imported 2 activities (1 run)',
    },
    {
      // Regression: the web showed "1 activity imported" and "Could not be read" for this file.
      name: 'a partly recovered FIT file',
      counts: {
        ...none,
        stored: 1,
        runs: 1,
        problems: [
          'damaged FIT file: the file ends in the middle of a record; kept 1 activity from the data before the damage',
        ],
      },
      status: 'partly_damaged',
      text: 'Kept 1 activity, partly damaged: damaged FIT file: the file ends in the middle of a record',
    },
    {
      name: 'a partly recovered file whose run was already there',
      counts: { ...none, duplicates: 1, problems: ['damaged FIT file: bad CRC'] },
      status: 'partly_damaged',
      text: 'Kept 0 activities, 1 duplicate skipped, partly damaged: damaged FIT file: bad CRC',
    },
    {
      name: 'a file whose exact content is stored: not read again',
      counts: { ...none, skipped: 1 },
      status: 'already_imported',
      text: 'Already imported: not read again',
    },
    {
      name: 'a zip with one entry stored before and one new run',
      counts: { ...none, stored: 1, runs: 1, skipped: 1 },
      status: 'imported',
      text: 'Imported 1 activity, 1 file imported before not read again',
    },
    {
      name: 'a file imported before',
      counts: { ...none, duplicates: 1 },
      status: 'already_imported',
      text: 'Already imported (1 duplicate skipped)',
    },
    {
      name: 'a zip with new runs and duplicates',
      counts: { ...none, stored: 3, runs: 3, duplicates: 2 },
      status: 'imported',
      text: 'Imported 3 activities, 2 duplicates skipped',
    },
    {
      name: 'an unreadable file',
      counts: { ...none, problems: ['not a FIT, GPX or TCX file'] },
      status: 'not_read',
      text: 'Could not be read: not a FIT, GPX or TCX file',
    },
    {
      name: 'a large export over the per-import limit',
      counts: { ...none, stored: 500, runs: 500, notStored: 20 },
      status: 'more_to_import',
      text: 'Kept 500 activities; 20 activities more not stored yet: import the same file again to store them',
    },
  ];
  it.each(cases)('$name', ({ counts, status, text }) => {
    expect(fileImportStatus(counts)).toBe(status);
    expect(describeFileImport(counts)).toBe(text);
  });

  it('never says "imported" and "could not be read" of the same file', () => {
    for (const { counts } of cases) {
      const text = describeFileImport(counts);
      expect(/imported/i.test(text) && /could not be read/i.test(text)).toBe(false);
    }
  });
});

describe('import totals', () => {
  it('agree with the files: duplicates are the sum of the rows', () => {
    const files: FileImportCounts[] = [
      { ...none, stored: 2, runs: 2, duplicates: 1 },
      { ...none, duplicates: 1 },
      { ...none, stored: 1, runs: 1, problems: ['damaged FIT file: bad CRC'] },
      { ...none, problems: ['the file is empty'] },
    ];
    expect(describeImportTotals(files)).toBe(
      '4 files: 3 activities imported, 2 duplicates skipped; 1 file partly damaged; 1 file could not be read.',
    );
  });

  it('files imported before, skipped by their content', () => {
    expect(describeImportTotals([{ ...none, skipped: 1 }])).toBe(
      '1 file: 0 activities imported, 1 file imported before not read again.',
    );
  });

  it('a single clean file', () => {
    expect(describeImportTotals([{ ...none, stored: 1, runs: 1 }])).toBe(
      '1 file: 1 activity imported.',
    );
  });
});
