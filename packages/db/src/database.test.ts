import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { databaseConfigFromEnv, lockDataDir, redactUrl } from './database.js';

describe('databaseConfigFromEnv', () => {
  it('uses PGlite under .backtrack/data by default', () => {
    expect(databaseConfigFromEnv({}, '/repo')).toEqual({
      kind: 'pglite',
      dataDir: '/repo/.backtrack/data',
    });
  });
  it('honours BACKTRACK_DATA_DIR, relative to cwd or absolute', () => {
    expect(databaseConfigFromEnv({ BACKTRACK_DATA_DIR: 'var/db' }, '/repo')).toEqual({
      kind: 'pglite',
      dataDir: '/repo/var/db',
    });
    expect(databaseConfigFromEnv({ BACKTRACK_DATA_DIR: '/data' }, '/repo')).toEqual({
      kind: 'pglite',
      dataDir: '/data',
    });
  });
  it('uses PostgreSQL when DATABASE_URL is set, even with a data dir', () => {
    expect(
      databaseConfigFromEnv(
        { DATABASE_URL: 'postgres://u:p@h/db', BACKTRACK_DATA_DIR: '/data' },
        '/repo',
      ),
    ).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@h/db',
    });
  });
  it('ignores blank values', () => {
    expect(databaseConfigFromEnv({ DATABASE_URL: '  ', BACKTRACK_DATA_DIR: '' }, '/r')).toEqual({
      kind: 'pglite',
      dataDir: '/r/.backtrack/data',
    });
  });
});

describe('redactUrl', () => {
  it('masks the password', () => {
    expect(redactUrl('postgres://me:secret@db:5432/bt')).toBe('postgres://me:***@db:5432/bt');
    expect(redactUrl('not a url')).toBe('postgres (unparseable URL)');
  });
});

describe('lockDataDir', () => {
  it('refuses a folder another running process holds, and takes over a stale lock', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'backtrack-lock-'));
    try {
      // PID 1 always runs: a lock held by it is live.
      writeFileSync(path.join(dir, 'backtrack.lock'), '1');
      expect(() => lockDataDir(dir)).toThrow(/in use by process 1/);
      // A PID far above any real one: a stale lock.
      writeFileSync(path.join(dir, 'backtrack.lock'), '999999999');
      const release = lockDataDir(dir);
      expect(readFileSync(path.join(dir, 'backtrack.lock'), 'utf8')).toBe(String(process.pid));
      expect(() => lockDataDir(dir)).toThrow(/in use by this process/);
      release();
      expect(existsSync(path.join(dir, 'backtrack.lock'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
