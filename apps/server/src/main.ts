/**
 * Starts the Backtrack server: reads the configuration from the environment
 * (PORT, HOST, DATABASE_URL, BACKTRACK_DATA_DIR, BACKTRACK_WEB_DIST,
 * BACKTRACK_WORKERS, BACKTRACK_WORK_QUEUE, BACKTRACK_PROCESSES, NODE_ENV,
 * SMTP_URL, MAIL_FROM, BACKTRACK_OUTBOX_DIR, PUBLIC_URL), opens the database
 * (applying migrations), starts the worker threads that read uploads, and
 * serves the API and the built web app until SIGINT or SIGTERM.
 *
 * With `BACKTRACK_PROCESSES=N` (PostgreSQL only) this process applies the
 * migrations and seeds once, then forks N server processes (`node:cluster`)
 * that share the port; it replaces one that dies and stops them all on
 * SIGINT or SIGTERM. Each runs the job runner: claiming a job is atomic in
 * the database (`FOR UPDATE SKIP LOCKED`), so none is sent twice.
 */
import cluster, { type Worker } from 'node:cluster';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { createRepositories, openDatabase, type Database } from '@backtrack/db';
import { createApp } from './app.js';
import { readConfig, type ServerConfig } from './config.js';
import { systemClock } from './http/clock.js';
import { consoleLogger } from './http/logger.js';
import { seedDemoClinic } from './clinics/demo.js';
import { reminderJobRunner } from './jobs/reminders.js';
import { reminderLinks } from './reminders/links.js';
import { createMailer, type Mailer } from './mail/mailer.js';
import { hasWebBuild } from './web/serve-web.js';
import { createWorkPool } from './work/pool.js';

const HOUR_MS = 60 * 60 * 1000;
/** How often the job runner looks for due jobs (reminder mail). */
const JOB_POLL_MS = 30_000;
/** A server process that dies is replaced after this pause (a crash loop stays slow). */
const RESTART_DELAY_MS = 1000;

/** The address to print for the port the server listens on. */
function origin(config: ServerConfig, port: number): string {
  const host =
    config.host && config.host !== '0.0.0.0' && config.host !== '::' ? config.host : 'localhost';
  return `http://${host}:${String(port)}`;
}

/** Prints where the data, the web app and the mail go; seeds the demo clinic when asked. */
async function describeAndSeed(
  config: ServerConfig,
  database: Database,
  mailer: Mailer,
): Promise<void> {
  console.log(
    database.kind === 'pglite'
      ? `Data: embedded PostgreSQL (PGlite) in ${database.location}${database.startedFrom === 'existing' || database.startedFrom === undefined ? '' : ` (new, from ${database.startedFrom === 'template' ? 'the migrated template' : 'initdb'})`}`
      : `Data: PostgreSQL at ${database.location}`,
  );
  console.log(
    hasWebBuild(config.webDist)
      ? `Web app: ${config.webDist}`
      : `Web app: not built (${config.webDist} has no index.html); serving the API only`,
  );
  console.log(
    config.mail.kind === 'smtp'
      ? `Mail: SMTP at ${mailer.describe}`
      : `Mail: no SMTP_URL set; messages are written to ${mailer.describe}`,
  );
  if (config.demoClinic) {
    const demo = await seedDemoClinic(createRepositories(database.db), { now: systemClock.now() });
    console.log(
      `Demo clinic "${demo.clinicName}" ${demo.created ? 'created' : 'already there'}: sign in as a clinician with ${demo.login.email} / ${demo.login.password} (admin: ${demo.admin.email} / ${demo.admin.password})`,
    );
  }
}

/**
 * Serves the app on the configured port from this process, with the job
 * runner and the hourly sweep, until SIGINT or SIGTERM. `announce`: print
 * the address once listening (a cluster's primary announces for its processes).
 */
function serveHere(
  config: ServerConfig,
  database: Database,
  mailer: Mailer,
  options: { announce: boolean },
): void {
  const app = createApp({
    mailer,
    db: database,
    clock: systemClock,
    logger: consoleLogger,
    cookies: config.cookies,
    webDist: config.webDist,
    publicUrl: config.publicUrl,
    workPool: createWorkPool({ size: config.work.threads, maxQueue: config.work.queue }),
    // Beside the embedded database's folder (`.backtrack/uploads` by default); else the system's.
    ...(config.database.kind === 'pglite' && config.database.dataDir !== undefined
      ? { uploadsDir: path.join(path.dirname(config.database.dataDir), 'uploads') }
      : {}),
    limits: {
      register: { limit: config.signupsPerHour, windowMs: HOUR_MS },
      confirm: { limit: config.signupsPerHour, windowMs: HOUR_MS },
    },
  });
  const server = serve(
    { fetch: app.fetch, port: config.port, ...(config.host ? { hostname: config.host } : {}) },
    (info) => {
      if (!options.announce) return;
      const at = origin(config, info.port);
      console.log(`Backtrack is running at ${at}/ (API: ${at}/api/health)`);
    },
  );

  server.on('error', (error: NodeJS.ErrnoException) => {
    console.error(
      error.code === 'EADDRINUSE'
        ? `Backtrack could not start: port ${config.port} is in use. Set PORT to another port.`
        : `Backtrack could not start: ${error.message}`,
    );
    void database.close().finally(() => process.exit(1));
  });

  const repos = createRepositories(database.db);
  const jobs = reminderJobRunner({
    repos,
    mailer,
    logger: consoleLogger,
    publicUrl: config.publicUrl,
    links: reminderLinks({ repos, clock: systemClock }),
  });
  const stopJobs = jobs.start({ intervalMs: JOB_POLL_MS, clock: systemClock });
  // Expired sessions, reset tokens and throttling windows go once an hour.
  const sweep = setInterval(() => {
    const now = systemClock.now();
    Promise.all([
      repos.sessions.deleteExpired(now),
      repos.passwordResets.deleteExpired(now),
      repos.pendingRegistrations.deleteExpired(now),
      repos.rateLimits.deleteExpired(now),
    ]).catch((error: unknown) => {
      consoleLogger.error(
        'Removing expired sessions, reset tokens or throttling windows failed:',
        error,
      );
    });
  }, HOUR_MS);
  sweep.unref();

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (options.announce) console.log(`${signal}: shutting down`);
    clearInterval(sweep);
    server.close(() => {
      stopJobs()
        .then(() => database.close())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            consoleLogger.error('Closing the database failed:', error);
            process.exit(1);
          },
        );
    });
    // Keep-alive connections can hold close() open; do not wait for ever.
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => {
    stop('SIGINT');
  });
  process.on('SIGTERM', () => {
    stop('SIGTERM');
  });
}

/**
 * The primary of `BACKTRACK_PROCESSES=N`: migrates and seeds once, forks N
 * server processes, announces the address when all N listen, replaces one
 * that dies after listening (one that dies before ends the start: a wrong
 * port or database would only die again), and stops them on a signal.
 */
async function runPrimary(config: ServerConfig): Promise<void> {
  const database = await openDatabase(config.database);
  try {
    await describeAndSeed(config, database, createMailer(config.mail));
  } finally {
    await database.close();
  }
  const listening = new Set<number>();
  let announced = false;
  let stopping = false;
  const fork = (): Worker => cluster.fork();
  cluster.on('listening', (worker, address) => {
    listening.add(worker.id);
    console.log(`Server process ${String(worker.id)} (pid ${String(worker.process.pid)}) ready`);
    if (!announced && listening.size === config.processes) {
      announced = true;
      const at = origin(config, address.port);
      console.log(
        `Backtrack is running at ${at}/ (API: ${at}/api/health) with ${String(config.processes)} server processes`,
      );
    }
  });
  cluster.on('exit', (worker, code, signal) => {
    const wasListening = listening.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit();
      return;
    }
    const how = signal ? `signal ${signal}` : `code ${String(code)}`;
    if (!wasListening) {
      console.error(
        `Backtrack could not start: server process ${String(worker.id)} stopped (${how}) before listening.`,
      );
      stopAll('start failed', 1);
      return;
    }
    console.error(
      `Server process ${String(worker.id)} (pid ${String(worker.process.pid)}) stopped (${how}); starting another.`,
    );
    setTimeout(() => {
      if (!stopping) fork();
    }, RESTART_DELAY_MS).unref();
  });
  const stopAll = (why: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    process.exitCode = exitCode;
    console.log(`${why}: shutting down`);
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    if (workers.length === 0) process.exit();
    for (const worker of workers) worker.process.kill('SIGTERM');
    // Each process ends itself within 5 s (serveHere); do not wait longer than that.
    setTimeout(() => process.exit(), 6000).unref();
  };
  process.on('SIGINT', () => {
    stopAll('SIGINT', 0);
  });
  process.on('SIGTERM', () => {
    stopAll('SIGTERM', 0);
  });
  for (let i = 0; i < config.processes; i++) fork();
}

async function main(): Promise<void> {
  const config = readConfig(process.env, process.cwd());
  if (config.processes > 1 && cluster.isPrimary) {
    await runPrimary(config);
    return;
  }
  const database = await openDatabase(config.database);
  const mailer = createMailer(config.mail);
  // A cluster's primary has described the start and seeded; its processes only serve.
  if (cluster.isPrimary) await describeAndSeed(config, database, mailer);
  serveHere(config, database, mailer, { announce: cluster.isPrimary });
}

main().catch((error: unknown) => {
  console.error('Backtrack could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
