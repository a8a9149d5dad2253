/**
 * The composition root of the HTTP API: builds the services from their
 * dependencies (database, clock, knowledge base, password hasher, logger)
 * and mounts the feature routes under `/api`, with one error handler for
 * everything. Tests call `createApp` with an in-memory database and a fixed
 * clock; `main.ts` with the real ones.
 */
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DomainError, loadKnowledgeBase, type KnowledgeBase } from '@backtrack/core';
import { createRepositories, type Database } from '@backtrack/db';
import { createRoute, OpenAPIHono, z } from '@hono/zod-openapi';
import { sql } from 'drizzle-orm';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { ZodError } from 'zod';
import { accountRoutes } from './account/routes.js';
import { accountService } from './account/service.js';
import { activityRoutes } from './activities/routes.js';
import { activityService } from './activities/service.js';
import { MAX_IMPORT_BYTES } from './activities/upload.js';
import { assessmentRoutes } from './assessments/routes.js';
import { assessmentService } from './assessments/service.js';
import type { CookieSecurity } from './auth/cookies.js';
import { loadAuth, requireCsrf } from './auth/middleware.js';
import { sessionCache } from './auth/session-cache.js';
import { scryptPasswordHasher, type PasswordHasher } from './auth/passwords.js';
import { passwordResetService } from './auth/password-reset.js';
import { databaseLimiter, type RateLimit } from './auth/rate-limit.js';
import { authRoutes } from './auth/routes.js';
import { authService } from './auth/service.js';
import { bookingRoutes } from './bookings/routes.js';
import { bookingService } from './bookings/service.js';
import { reminderLinks } from './reminders/links.js';
import { reminderRoutes } from './reminders/routes.js';
import { remindersService } from './reminders/service.js';
import { clinicianRoutes } from './clinician/routes.js';
import { clinicianService } from './clinician/service.js';
import { clinicRoutes } from './clinics/routes.js';
import { clinicService } from './clinics/service.js';
import { bundleJson } from './fhir/bundle.js';
import { EVERYTHING, fhirRecord } from './fhir/service.js';
import { knowledgeRoutes } from './knowledge/routes.js';
import { outcomeRoutes } from './outcomes/routes.js';
import { outcomeService } from './outcomes/service.js';
import { createMailer, DEFAULT_MAIL_FROM, type Mailer } from './mail/mailer.js';
import { planRoutes } from './plans/routes.js';
import { planService } from './plans/service.js';
import { sharingRoutes } from './sharing/routes.js';
import { sharingService } from './sharing/service.js';
import { trainingRoutes } from './training/routes.js';
import { trainingService } from './training/service.js';
import { systemClock, type Clock } from './http/clock.js';
import type { AppDeps, AppEnv } from './http/context.js';
import {
  describeZodIssues,
  errorBody,
  HTTP_STATUS,
  HttpOnlyError,
  type ApiErrorCode,
} from './http/errors.js';
import { compressAnswers } from './http/compression.js';
import { consoleLogger, type Logger } from './http/logger.js';
import { responseCache } from './http/response-cache.js';
import { jsonResponse } from './http/schemas.js';
import { hasWebBuild, webAppHandler } from './web/serve-web.js';
import { createWorkPool, defaultWorkerThreads, type WorkPool } from './work/pool.js';
import { createSlots } from './work/slots.js';

/** The largest request body accepted (bytes), except for uploads. */
export const MAX_BODY_BYTES = 64 * 1024;
/** The route that takes uploads, with its own limit (`maxImportBytes`). */
export const IMPORT_PATH = '/api/activities/import';

/** What the app is built from; everything but the database has a default. */
export interface AppOptions {
  db: Database;
  clock?: Clock;
  kb?: KnowledgeBase;
  passwords?: PasswordHasher;
  logger?: Logger;
  /** How mail leaves; default: an outbox folder under the system's temporary folder. */
  mailer?: Mailer;
  /** `always` in production (and behind TLS); `auto` sets Secure only on https requests. */
  cookies?: CookieSecurity;
  /** The built web app to serve at `/`, if any. */
  webDist?: string | undefined;
  /** Throttling limits, by name (defaults: {@link DEFAULT_LIMITS}). */
  limits?: Partial<Record<keyof AppDeps['limits'], RateLimit>>;
  /** Where runners reach the app, for links in mails (default `http://localhost:3000`). */
  publicUrl?: string;
  /** The largest upload to `POST /api/activities/import`, bytes (default 25 MiB). */
  maxImportBytes?: number;
  /** Worker threads that read uploads (default: {@link defaultWorkerThreads}, a queue of 4). */
  workPool?: WorkPool;
  /** Exports that may run at once (default 2); more answer 429. */
  maxExports?: number;
  /** Where uploads are streamed while they are imported (default: the system's temporary folder). */
  uploadsDir?: string;
}

const MINUTE_MS = 60_000;

/**
 * The security headers of every response, the app's pages and the API alike.
 * The Content-Security-Policy allows only the app's own files: no inline or
 * injected script, no inline style (React's `style` props set CSSOM
 * properties, which CSP does not block), images from the app and `data:`
 * (the favicon), no plugins, no framing, forms and `<base>` only to the app.
 * The Permissions-Policy turns off the device features the app never uses.
 */
export const SECURE_HEADERS = {
  contentSecurityPolicy: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'"],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
  permissionsPolicy: {
    accelerometer: [],
    camera: [],
    displayCapture: [],
    geolocation: [],
    gyroscope: [],
    hid: [],
    magnetometer: [],
    microphone: [],
    midi: [],
    payment: [],
    serial: [],
    usb: [],
  },
} as const satisfies Parameters<typeof secureHeaders>[0];

/**
 * The throttling limits: ten wrong passwords per account and address per 15
 * minutes, thirty per address across accounts, a hundred per account across
 * addresses (so one guesser cannot lock the owner out from elsewhere, and a
 * password reset lifts the lock anyway); twenty sign-ups, and twenty
 * registration links opened, per address per hour (`BACKTRACK_SIGNUPS_PER_HOUR`
 * changes both, for example for a clinic whose runners share one address); ten reset requests or confirmations per address, and three reset
 * mails to one email, per hour.
 */
export const DEFAULT_LIMITS: Record<keyof AppDeps['limits'], RateLimit> = {
  login: { limit: 10, windowMs: 15 * MINUTE_MS },
  loginClient: { limit: 30, windowMs: 15 * MINUTE_MS },
  loginEmail: { limit: 100, windowMs: 15 * MINUTE_MS },
  register: { limit: 20, windowMs: 60 * MINUTE_MS },
  confirm: { limit: 20, windowMs: 60 * MINUTE_MS },
  resetClient: { limit: 10, windowMs: 60 * MINUTE_MS },
  resetEmail: { limit: 3, windowMs: 60 * MINUTE_MS },
};

/** The version reported by the OpenAPI document. */
const API_VERSION = '0.1.0';

function send(c: Context, code: ApiErrorCode, message: string, details: readonly string[] = []) {
  return c.json(errorBody(code, message, details), HTTP_STATUS[code]);
}

/** Maps an error a framework part threw with a status (malformed JSON, …) to the error model. */
function fromHttpException(error: HTTPException): { code: ApiErrorCode; message: string } {
  switch (error.status) {
    case 400:
      return {
        code: 'invalid_input',
        message: /json/i.test(error.message)
          ? 'body: malformed JSON'
          : error.message || 'Bad request.',
      };
    case 401:
      return { code: 'unauthenticated', message: 'Sign in first.' };
    case 403:
      return { code: 'forbidden', message: 'Forbidden.' };
    case 404:
      return { code: 'not_found', message: 'Not found.' };
    case 413:
      return {
        code: 'payload_too_large',
        message: `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`,
      };
    default:
      return error.status < 500
        ? { code: 'invalid_input', message: error.message || 'Bad request.' }
        : { code: 'server_error', message: 'Something went wrong on our side. Please try again.' };
  }
}

/** Builds the app. */
export function createApp(options: AppOptions): OpenAPIHono<AppEnv> {
  const logger = options.logger ?? consoleLogger;
  const cookies = options.cookies ?? 'auto';
  // Sessions come from memory on the embedded database only (auth/session-cache.ts).
  const sessions = options.db.kind === 'pglite' ? sessionCache() : undefined;
  // So do saved plans and reports, ready to send (http/response-cache.ts).
  const answers = options.db.kind === 'pglite' ? responseCache() : undefined;
  const repos = createRepositories(options.db.db, {
    ...(sessions === undefined
      ? {}
      : {
          accountsChanged: () => {
            sessions.clear();
          },
        }),
    ...(answers === undefined
      ? {}
      : {
          recordsChanged: (id?: string) => {
            answers.drop(id);
          },
        }),
  });
  const limiter = (name: keyof AppDeps['limits']) =>
    databaseLimiter(repos.rateLimits, options.limits?.[name] ?? DEFAULT_LIMITS[name]);
  const limits: AppDeps['limits'] = {
    login: limiter('login'),
    loginClient: limiter('loginClient'),
    loginEmail: limiter('loginEmail'),
    register: limiter('register'),
    confirm: limiter('confirm'),
    resetClient: limiter('resetClient'),
    resetEmail: limiter('resetEmail'),
  };
  const deps: AppDeps = {
    repos,
    kb: options.kb ?? loadKnowledgeBase(),
    clock: options.clock ?? systemClock,
    passwords: options.passwords ?? scryptPasswordHasher(),
    logger,
    mailer:
      options.mailer ??
      createMailer({
        kind: 'outbox',
        folder: path.join(tmpdir(), 'backtrack-outbox'),
        from: DEFAULT_MAIL_FROM,
      }),
    publicUrl: options.publicUrl ?? 'http://localhost:3000',
    limits,
  };
  const auth = authService(deps);

  const app = new OpenAPIHono<AppEnv>();
  app.use('*', secureHeaders(SECURE_HEADERS));
  app.use('/api/*', async (c, next) => {
    await next();
    // Health data: no shared or browser cache unless a route says otherwise.
    if (!c.res.headers.has('cache-control')) c.header('cache-control', 'no-store');
  });
  // JSON answers of 1 KiB or more go out gzipped when the client accepts it
  // (a saved plan is ~60 KB). The CSRF token's answer is far smaller, so no
  // secret is compressed beside what a request reflects.
  app.use('/api/*', compressAnswers());
  app.use('/api/*', requireCsrf);
  const jsonLimit = bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: () => {
      throw new HttpOnlyError(
        'payload_too_large',
        `The body is larger than ${MAX_BODY_BYTES / 1024} KiB.`,
      );
    },
  });
  const maxImportBytes = options.maxImportBytes ?? MAX_IMPORT_BYTES;
  const importLimit = bodyLimit({
    maxSize: maxImportBytes,
    onError: () => {
      throw new HttpOnlyError(
        'payload_too_large',
        `The upload is larger than ${Math.round((maxImportBytes / 1024 / 1024) * 10) / 10} MiB: import fewer files at a time.`,
      );
    },
  });
  const limitBody: MiddlewareHandler = (c, next) =>
    new URL(c.req.url).pathname === IMPORT_PATH ? importLimit(c, next) : jsonLimit(c, next);
  app.use('/api/*', limitBody);
  app.use('/api/*', loadAuth(deps, sessions));

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/health',
      tags: ['system'],
      summary: 'Whether the server and its database answer',
      responses: {
        200: jsonResponse(
          z.object({ ok: z.literal(true), database: z.enum(['pglite', 'postgres']) }),
          'Healthy',
        ),
      },
    }),
    async (c) => {
      await options.db.db.execute(sql`select 1`);
      return c.json({ ok: true as const, database: options.db.kind }, 200);
    },
  );
  app.route('/api', knowledgeRoutes(deps.kb));
  app.route('/api/auth', authRoutes(auth, passwordResetService(deps), cookies));
  app.route('/api/assessments', assessmentRoutes(assessmentService(deps, answers), auth, cookies));
  const pool = options.workPool ?? createWorkPool({ size: defaultWorkerThreads(), maxQueue: 4 });
  app.route('/api/plans', planRoutes(planService(deps, { pool, answers })));
  app.route(
    '/api/activities',
    activityRoutes(activityService(deps, { pool }), {
      uploadsDir: options.uploadsDir ?? path.join(tmpdir(), 'backtrack-uploads'),
    }),
  );
  app.route('/api', trainingRoutes(trainingService(deps)));
  const exports = createSlots({ max: options.maxExports ?? 2, what: 'exports', retryAfterS: 5 });
  app.route(
    '/api/me',
    accountRoutes(accountService(deps, { exports }), cookies, async (userId) => {
      const bundle = await fhirRecord(deps, userId, EVERYTHING);
      if (!bundle) throw new DomainError('not_found', 'No such account.');
      return bundleJson(bundle);
    }),
  );
  app.route('/api', clinicRoutes(clinicService(deps, { publicUrl: deps.publicUrl })));
  app.route('/api/bookings', bookingRoutes(bookingService(deps)));
  app.route('/api/me', sharingRoutes(sharingService(deps)));
  app.route('/api/clinician', clinicianRoutes(clinicianService(deps, { pool })));
  app.route('/api', outcomeRoutes(outcomeService(deps)));
  app.route(
    '/api',
    reminderRoutes(
      remindersService({ ...deps, links: reminderLinks({ repos: deps.repos, clock: deps.clock }) }),
    ),
  );
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Backtrack API',
      version: API_VERSION,
      description:
        'Backtrack helps runners with lower back pain. Not a diagnosis. Errors: `{ error: { code, message, details } }`. State-changing requests need the `x-csrf-token` header (GET /api/auth/csrf).',
    },
  });

  const web =
    options.webDist !== undefined && hasWebBuild(options.webDist)
      ? webAppHandler(options.webDist)
      : undefined;
  app.notFound(async (c) => {
    const pathname = new URL(c.req.url).pathname;
    if (pathname !== '/api' && !pathname.startsWith('/api/') && web) {
      const response = await web(c);
      if (response) return response;
    }
    return send(c, 'not_found', `No route ${c.req.method} ${pathname}.`);
  });

  app.onError((error, c) => {
    if (error instanceof DomainError) return send(c, error.code, error.message, error.details);
    if (error instanceof HttpOnlyError) {
      for (const [name, value] of Object.entries(error.headers)) c.header(name, value);
      return send(c, error.code, error.message, error.details);
    }
    if (error instanceof HTTPException) {
      const { code, message } = fromHttpException(error);
      if (code !== 'server_error') return send(c, code, message);
    }
    if (error instanceof ZodError) {
      const lines = describeZodIssues(error.issues);
      return send(c, 'invalid_input', lines[0] ?? 'invalid input', lines);
    }
    // Ids in the path (plans, activities) stay out of the log, like the query's parameters.
    const route = new URL(c.req.url).pathname.replace(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi,
      ':id',
    );
    logger.error(`${c.req.method} ${route} failed:`, error);
    return send(c, 'server_error', 'Something went wrong on our side. Please try again.');
  });
  return app;
}
