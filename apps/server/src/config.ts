/** The server's configuration, read from the environment once at start-up. */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { databaseConfigFromEnv, type DatabaseConfig } from '@backtrack/db';
import type { CookieSecurity } from './auth/cookies.js';
import { mailConfigFromEnv, type MailConfig } from './mail/mailer.js';
import { defaultWorkerThreads } from './work/pool.js';

/** Everything `main.ts` needs to start. */
export interface ServerConfig {
  port: number;
  /** Interface to listen on; undefined: all. */
  host: string | undefined;
  database: DatabaseConfig;
  cookies: CookieSecurity;
  /** Where the built web app is looked for. */
  webDist: string;
  /** How mail leaves: SMTP (`SMTP_URL`) or the outbox folder. */
  mail: MailConfig;
  /** Where runners reach the app (`PUBLIC_URL`), for links in mails. */
  publicUrl: string;
  /** Worker threads for imports, and how many imports may wait for one. */
  work: { threads: number; queue: number };
  /** `BACKTRACK_DEMO_CLINIC=1`: seed a demo clinic at start-up. */
  demoClinic: boolean;
  /** Sign-ups (and registration links opened) per address per hour (`BACKTRACK_SIGNUPS_PER_HOUR`, default 20). */
  signupsPerHour: number;
  /**
   * Server processes sharing the port (`BACKTRACK_PROCESSES`, default 1):
   * more than one only on PostgreSQL, where everything the processes share
   * (sessions, throttling, jobs) lives in the database.
   */
  processes: number;
}

/** The environment variables read. */
export type Env = Readonly<Record<string, string | undefined>>;

/** A whole number from 1 to `max` in `env[name]`, or `fallback` when unset. */
function count(env: Env, name: string, fallback: number, max: number): number {
  const raw = env[name]?.trim();
  if (!raw) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < 1 || n > max)
    throw new Error(`${name} must be a whole number from 1 to ${String(max)}, got "${raw}"`);
  return n;
}

/** Reads the configuration; throws with a readable message when a value is wrong. */
export function readConfig(env: Env, cwd: string, here: string = import.meta.url): ServerConfig {
  const rawPort = env.PORT?.trim() || '3000';
  const port = Number(rawPort);
  if (!/^\d+$/.test(rawPort) || port > 65_535)
    throw new Error(`PORT must be a number from 0 to 65535, got "${rawPort}"`);
  const database = databaseConfigFromEnv(env, cwd);
  // The bundle (dist/main.js) ships the migrations next to itself; from source, @backtrack/db finds its own.
  const bundled = fileURLToPath(new URL('./migrations', here));
  if (existsSync(`${bundled}/meta/_journal.json`)) database.migrationsFolder = bundled;
  const processes = count(env, 'BACKTRACK_PROCESSES', 1, 64);
  if (processes > 1 && database.kind === 'pglite')
    throw new Error(
      `BACKTRACK_PROCESSES=${String(processes)} needs PostgreSQL (set DATABASE_URL): the embedded database (PGlite) runs inside one process and only that process may open its data folder. Unset BACKTRACK_PROCESSES to run one process.`,
    );
  const publicUrl = env.PUBLIC_URL?.trim() || `http://localhost:${port}`;
  if (!/^https?:\/\/[^/\s]+/.test(publicUrl))
    throw new Error(
      `PUBLIC_URL must be an http(s) URL like https://backtrack.example.org, got "${publicUrl}"`,
    );
  return {
    port,
    publicUrl,
    work: {
      threads: count(env, 'BACKTRACK_WORKERS', defaultWorkerThreads(), 8),
      queue: count(env, 'BACKTRACK_WORK_QUEUE', 4, 1000),
    },
    host: env.HOST?.trim() || undefined,
    database,
    cookies: env.NODE_ENV === 'production' ? 'always' : 'auto',
    webDist: env.BACKTRACK_WEB_DIST?.trim() || fileURLToPath(new URL('../../web/dist', here)),
    mail: mailConfigFromEnv(env, cwd),
    demoClinic: env.BACKTRACK_DEMO_CLINIC?.trim() === '1',
    signupsPerHour: count(env, 'BACKTRACK_SIGNUPS_PER_HOUR', 20, 100_000),
    processes,
  };
}
