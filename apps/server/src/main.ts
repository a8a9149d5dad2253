/**
 * Starts the Backtrack server: reads the configuration from the environment
 * (PORT, HOST, DATABASE_URL, BACKTRACK_DATA_DIR, BACKTRACK_WEB_DIST,
 * BACKTRACK_WORKERS, BACKTRACK_WORK_QUEUE, NODE_ENV, SMTP_URL, MAIL_FROM,
 * BACKTRACK_OUTBOX_DIR, PUBLIC_URL), opens the database (applying
 * migrations), starts the worker threads that read uploads, and serves
 * the API and the built web app until SIGINT or SIGTERM.
 */
import { serve } from '@hono/node-server';
import { createRepositories, openDatabase } from '@backtrack/db';
import { createApp } from './app.js';
import { readConfig } from './config.js';
import { systemClock } from './http/clock.js';
import { consoleLogger } from './http/logger.js';
import { seedDemoClinic } from './clinics/demo.js';
import { reminderJobRunner } from './jobs/reminders.js';
import { reminderLinks } from './reminders/links.js';
import { createMailer } from './mail/mailer.js';
import { hasWebBuild } from './web/serve-web.js';
import { createWorkPool } from './work/pool.js';

const HOUR_MS = 60 * 60 * 1000;
/** How often the job runner looks for due jobs (reminder mail). */
const JOB_POLL_MS = 30_000;

async function main(): Promise<void> {
  const config = readConfig(process.env, process.cwd());
  const database = await openDatabase(config.database);
  console.log(
    database.kind === 'pglite'
      ? `Data: embedded PostgreSQL (PGlite) in ${database.location}${database.startedFrom === 'existing' || database.startedFrom === undefined ? '' : ` (new, from ${database.startedFrom === 'template' ? 'the migrated template' : 'initdb'})`}`
      : `Data: PostgreSQL at ${database.location}`,
  );
  const web = hasWebBuild(config.webDist);
  console.log(
    web
      ? `Web app: ${config.webDist}`
      : `Web app: not built (${config.webDist} has no index.html); serving the API only`,
  );

  const mailer = createMailer(config.mail);
  console.log(
    config.mail.kind === 'smtp'
      ? `Mail: SMTP at ${mailer.describe}`
      : `Mail: no SMTP_URL set; messages are written to ${mailer.describe}`,
  );

  const app = createApp({
    mailer,
    db: database,
    clock: systemClock,
    logger: consoleLogger,
    cookies: config.cookies,
    webDist: config.webDist,
    publicUrl: config.publicUrl,
    workPool: createWorkPool({ size: config.work.threads, maxQueue: config.work.queue }),
    limits: {
      register: { limit: config.signupsPerHour, windowMs: HOUR_MS },
      confirm: { limit: config.signupsPerHour, windowMs: HOUR_MS },
    },
  });
  const server = serve(
    { fetch: app.fetch, port: config.port, ...(config.host ? { hostname: config.host } : {}) },
    (info) => {
      const host =
        config.host && config.host !== '0.0.0.0' && config.host !== '::'
          ? config.host
          : 'localhost';
      console.log(
        `Backtrack is running at http://${host}:${info.port}/ (API: http://${host}:${info.port}/api/health)`,
      );
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
  if (config.demoClinic) {
    const demo = await seedDemoClinic(repos, { now: systemClock.now() });
    console.log(
      `Demo clinic "${demo.clinicName}" ${demo.created ? 'created' : 'already there'}: sign in as a clinician with ${demo.login.email} / ${demo.login.password} (admin: ${demo.admin.email} / ${demo.admin.password})`,
    );
  }
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
    console.log(`${signal}: shutting down`);
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

main().catch((error: unknown) => {
  console.error('Backtrack could not start:', error instanceof Error ? error.message : error);
  process.exit(1);
});
