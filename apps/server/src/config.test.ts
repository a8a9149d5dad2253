import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readConfig } from './config.js';

const here = pathToFileURL('/srv/backtrack/apps/server/dist/main.js').href;

describe('readConfig', () => {
  it('defaults: port 3000, PGlite under .backtrack/data, web app beside the server', () => {
    const config = readConfig({}, '/work', here);
    expect(config).toMatchObject({
      port: 3000,
      host: undefined,
      cookies: 'auto',
      database: { kind: 'pglite', dataDir: '/work/.backtrack/data' },
      webDist: '/srv/backtrack/apps/web/dist',
    });
  });
  it('reads PORT, HOST, DATABASE_URL, BACKTRACK_WEB_DIST and NODE_ENV', () => {
    const config = readConfig(
      {
        PORT: '8080',
        HOST: '127.0.0.1',
        DATABASE_URL: 'postgres://u:p@db/bt',
        BACKTRACK_WEB_DIST: '/web',
        NODE_ENV: 'production',
      },
      '/work',
      here,
    );
    expect(config).toMatchObject({
      port: 8080,
      host: '127.0.0.1',
      cookies: 'always',
      webDist: '/web',
      database: { kind: 'postgres', url: 'postgres://u:p@db/bt' },
    });
  });
  it('takes links in mails from PUBLIC_URL, by default localhost on the port', () => {
    expect(readConfig({ PORT: '8080' }, '/w', here).publicUrl).toBe('http://localhost:8080');
    expect(readConfig({ PUBLIC_URL: 'https://bt.example.org' }, '/w', here).publicUrl).toBe(
      'https://bt.example.org',
    );
    expect(() => readConfig({ PUBLIC_URL: 'bt.example.org' }, '/w', here)).toThrow(/PUBLIC_URL/);
  });
  it('takes sign-ups per address per hour from BACKTRACK_SIGNUPS_PER_HOUR (default 20)', () => {
    expect(readConfig({}, '/w', here).signupsPerHour).toBe(20);
    expect(readConfig({ BACKTRACK_SIGNUPS_PER_HOUR: '500' }, '/w', here).signupsPerHour).toBe(500);
    expect(() => readConfig({ BACKTRACK_SIGNUPS_PER_HOUR: '0' }, '/w', here)).toThrow(
      /BACKTRACK_SIGNUPS_PER_HOUR/,
    );
  });
  it('runs several processes (BACKTRACK_PROCESSES) on PostgreSQL only', () => {
    expect(readConfig({}, '/w', here).processes).toBe(1);
    const url = 'postgres://u:p@db/bt';
    expect(readConfig({ DATABASE_URL: url, BACKTRACK_PROCESSES: '2' }, '/w', here).processes).toBe(
      2,
    );
    expect(readConfig({ BACKTRACK_PROCESSES: '1' }, '/w', here).processes).toBe(1);
    expect(() => readConfig({ BACKTRACK_PROCESSES: '2' }, '/w', here)).toThrow(
      /BACKTRACK_PROCESSES=2 needs PostgreSQL \(set DATABASE_URL\)/,
    );
    for (const BACKTRACK_PROCESSES of ['0', 'two', '65'])
      expect(() => readConfig({ DATABASE_URL: url, BACKTRACK_PROCESSES }, '/w', here)).toThrow(
        /BACKTRACK_PROCESSES must be a whole number/,
      );
  });
  it('rejects a PORT that is not a port number', () => {
    for (const PORT of ['http', '-1', '70000', '3000.5'])
      expect(() => readConfig({ PORT }, '/w', here)).toThrow(/PORT/);
  });
  it('uses the migrations bundled next to the server when present', () => {
    const root = mkdtempSync(path.join(tmpdir(), 'backtrack-config-'));
    try {
      mkdirSync(path.join(root, 'dist', 'migrations', 'meta'), { recursive: true });
      writeFileSync(path.join(root, 'dist', 'migrations', 'meta', '_journal.json'), '{}');
      const config = readConfig({}, '/w', pathToFileURL(path.join(root, 'dist', 'main.js')).href);
      expect(config.database.migrationsFolder).toBe(path.join(root, 'dist', 'migrations'));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
