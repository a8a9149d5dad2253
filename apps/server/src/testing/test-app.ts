/**
 * An app for API tests: an in-memory PGlite database (loaded from the migrated
 * template, `@backtrack/db/testing`), a fixed clock, a cheap
 * password hash, and a client that keeps cookies and sends the CSRF header
 * like the web app does.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRepositories, type Database } from '@backtrack/db';
import { simpleParser } from 'mailparser';
import { openTestPglite } from '@backtrack/db/testing';
import { createApp, type AppOptions } from '../app.js';
import { scryptPasswordHasher } from '../auth/passwords.js';
import { fixedClock } from '../http/clock.js';
import { memoryLogger } from '../http/logger.js';
import { reminderJobRunner } from '../jobs/reminders.js';
import { reminderLinks } from '../reminders/links.js';
import type { JobPass } from '../jobs/runner.js';
import { createMailer } from '../mail/mailer.js';

/** A response as tests read it. */
export interface TestResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or undefined when the body is empty or not JSON. */
  body: unknown;
  text: string;
  /** The body as received (for PDFs and other binary answers). */
  bytes: Uint8Array;
  cookies: string[];
}

/** A test app and what it was built from. */
export interface TestApp {
  app: ReturnType<typeof createApp>;
  database: Database;
  clock: ReturnType<typeof fixedClock>;
  logger: ReturnType<typeof memoryLogger>;
  /** A new browser: its own cookie jar. */
  browser(): TestBrowser;
  /** Runs the due durable jobs (reminders) as of `now` (default: the test clock). */
  runDueJobs(now?: Date): Promise<JobPass>;
  /** The mail the app sent (to its own outbox folder), oldest first. */
  mail(): Promise<SentMail[]>;
  /**
   * Registers `email` in `browser` the way a person does: posts the
   * registration, waits for the mailed link, and opens it in the same
   * browser. Returns the confirmation's response (200 and signed in).
   */
  register(
    browser: TestBrowser,
    email: string,
    password?: string,
    next?: string,
  ): Promise<TestResponse>;
  /**
   * The token of the newest registration link mailed to `email` (waits up to
   * 5 s for it); that mail then leaves the outbox.
   */
  confirmToken(email: string): Promise<string>;
  close(): Promise<void>;
}

/** A message the app sent, as a test reads it. */
export interface SentMail {
  to: string;
  subject: string;
  text: string;
  attachments: { filename: string; contentType: string; content: string }[];
}

/** Request options. */
export interface RequestOptions {
  /** A JSON body (serialised), or a raw string body. */
  json?: unknown;
  raw?: string;
  /** A multipart/form-data body (the content type with its boundary is set by the request). */
  form?: FormData;
  headers?: Record<string, string>;
  /** Send the CSRF header (default true for state-changing methods). */
  csrf?: boolean;
}

/** A browser: keeps cookies and sends the CSRF header. */
export class TestBrowser {
  readonly cookies = new Map<string, string>();
  private turn = 0;
  /**
   * A browser of one app, or of several behind a round-robin load balancer
   * (each request goes to the next app; the cookies stay with the browser).
   */
  constructor(
    private readonly apps: ReturnType<typeof createApp> | readonly ReturnType<typeof createApp>[],
  ) {}

  /** The app the next request goes to. */
  private next(): ReturnType<typeof createApp> {
    if (!Array.isArray(this.apps)) return this.apps as ReturnType<typeof createApp>;
    const list = this.apps as readonly ReturnType<typeof createApp>[];
    const app = list[this.turn % list.length];
    this.turn += 1;
    if (!app) throw new Error('a browser needs at least one app');
    return app;
  }

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(setCookies: string[]): void {
    for (const line of setCookies) {
      const [pair = ''] = line.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (/max-age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  /** Fetches a CSRF token (sets the cookie) unless there is one. */
  async ensureCsrf(): Promise<string> {
    const existing = this.cookies.get('bt_csrf');
    if (existing) return existing;
    const res = await this.request('GET', '/api/auth/csrf');
    const token = (res.body as { token: string }).token;
    return token;
  }

  async request(method: string, path: string, options: RequestOptions = {}): Promise<TestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    const unsafe = !['GET', 'HEAD', 'OPTIONS'].includes(method);
    if (unsafe && options.csrf !== false) headers['x-csrf-token'] = await this.ensureCsrf();
    const cookie = this.cookieHeader();
    if (cookie) headers.cookie = cookie;
    let body: string | FormData | undefined;
    if (options.json !== undefined) {
      body = JSON.stringify(options.json);
      headers['content-type'] ??= 'application/json';
    } else if (options.raw !== undefined) {
      body = options.raw;
    } else if (options.form !== undefined) {
      body = options.form;
    }
    const response = await this.next().request(path, {
      method,
      headers,
      ...(body === undefined ? {} : { body }),
    });
    const setCookies = response.headers.getSetCookie();
    this.remember(setCookies);
    const bytes = new Uint8Array(await response.arrayBuffer());
    const text = new TextDecoder().decode(bytes);
    let parsed: unknown;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return {
      status: response.status,
      headers: response.headers,
      body: parsed,
      text,
      bytes,
      cookies: setCookies,
    };
  }

  get(path: string, options?: RequestOptions) {
    return this.request('GET', path, options);
  }
  post(path: string, json: unknown = {}, options: RequestOptions = {}) {
    return this.request('POST', path, { json, ...options });
  }
  delete(path: string, options?: RequestOptions) {
    return this.request('DELETE', path, options);
  }
  put(path: string, json: unknown = {}, options: RequestOptions = {}) {
    return this.request('PUT', path, { json, ...options });
  }
  /** Uploads files as multipart/form-data, each in the field `files` (or `field`). */
  upload(
    path: string,
    files: readonly { name: string; data: string | Uint8Array }[],
    options: RequestOptions & { field?: string } = {},
  ) {
    const form = new FormData();
    for (const f of files) form.append(options.field ?? 'files', new File([f.data], f.name));
    return this.request('POST', path, { ...options, form });
  }
}

/** Builds a test app on a fresh in-memory database, or on `database` (then left open on close). */
export async function createTestApp(
  options: Partial<Omit<AppOptions, 'db'>> & { now?: string; database?: Database } = {},
): Promise<TestApp> {
  const { database: shared, ...appOptions } = options;
  const database = shared ?? (await openTestPglite());
  const clock = fixedClock(options.now ?? '2026-03-02T09:00:00.000Z');
  const logger = memoryLogger();
  const outbox = path.join(mkdtempSync(path.join(tmpdir(), 'bt-test-outbox-')), 'outbox');
  const mailer =
    appOptions.mailer ??
    createMailer({ kind: 'outbox', folder: outbox, from: 'Backtrack <no-reply@test>' });
  const repos = createRepositories(database.db);
  const jobs = reminderJobRunner({
    repos,
    mailer,
    logger,
    publicUrl: appOptions.publicUrl ?? 'http://localhost:3000',
    links: reminderLinks({ repos, clock }),
  });
  const app = createApp({
    passwords: scryptPasswordHasher({ log2N: 10, r: 8, p: 1 }),
    ...appOptions,
    mailer,
    db: database,
    clock,
    logger,
  });
  const readMailFiles = async (): Promise<{ file: string; mail: SentMail }[]> => {
    let files: string[] = [];
    try {
      files = readdirSync(outbox).filter((f) => f.endsWith('.eml'));
    } catch {
      return [];
    }
    return Promise.all(
      files.sort().map(async (file) => {
        const parsed = await simpleParser(readFileSync(path.join(outbox, file)));
        const mail: SentMail = {
          to:
            parsed.to === undefined
              ? ''
              : [parsed.to]
                  .flat()
                  .map((a) => a.text)
                  .join(', '),
          subject: parsed.subject ?? '',
          text: parsed.text ?? '',
          attachments: parsed.attachments.map((a) => ({
            filename: a.filename ?? '',
            contentType: a.contentType,
            content: a.content.toString('utf8'),
          })),
        };
        return { file, mail };
      }),
    );
  };
  // A registration link, once opened, is deleted from the outbox (as a person
  // deletes a mail they are done with), so tests that count mail see the rest.
  const confirmToken = async (email: string): Promise<string> => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const links = (await readMailFiles())
        .filter(({ mail }) => mail.to.toLowerCase().includes(email.trim().toLowerCase()))
        .map(({ file, mail }) => ({
          file,
          token: /#confirm=([A-Za-z0-9_-]+)/.exec(mail.text)?.[1],
        }))
        .filter((link) => link.token !== undefined);
      const link = links.at(-1);
      if (link?.token !== undefined) {
        rmSync(path.join(outbox, link.file), { force: true });
        return link.token;
      }
      if (Date.now() > deadline) throw new Error(`No registration link was mailed to ${email}.`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return {
    app,
    database,
    clock,
    logger,
    browser: () => new TestBrowser(app),
    runDueJobs: (now) => jobs.runDueJobs(now ?? clock.now()),
    mail: async () => (await readMailFiles()).map(({ mail }) => mail),
    confirmToken,
    register: async (browser, email, password = 'long enough password', next) => {
      const started = await browser.post('/api/auth/register', {
        email,
        password,
        ...(next === undefined ? {} : { next }),
      });
      if (started.status !== 202)
        throw new Error(`register ${email}: ${started.status} ${started.text}`);
      return browser.post('/api/auth/register/confirm', { token: await confirmToken(email) });
    },
    close: async () => {
      rmSync(path.dirname(outbox), { recursive: true, force: true });
      if (shared === undefined) await database.close();
    },
  };
}
