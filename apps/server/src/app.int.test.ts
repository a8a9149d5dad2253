/** The app's cross-cutting behaviour: the OpenAPI document, headers, and unexpected failures. */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import type { ApiRouteKey, ApiRoutes, SavedPlanDto } from './contract.js';
import { createTestApp, type TestApp } from './testing/test-app.js';

/**
 * Every key of the contract's route map (`ApiRoutes`, read from the feature
 * routers' types, mounted where contract.ts says): the compiler checks this
 * table holds every key and no other, the test below that the app serves them.
 */
const ROUTES = {
  'GET /api/questions': true,
  'GET /api/knowledge': true,
  'GET /api/exercises': true,
  'GET /api/exercises/:id/illustration.svg': true,
  'GET /api/stop-rules': true,
  'POST /api/auth/register': true,
  'POST /api/auth/register/confirm': true,
  'POST /api/auth/login': true,
  'POST /api/auth/logout': true,
  'GET /api/auth/me': true,
  'GET /api/auth/csrf': true,
  'POST /api/auth/logout-all': true,
  'GET /api/auth/sessions': true,
  'DELETE /api/auth/sessions/:id': true,
  'POST /api/auth/password': true,
  'POST /api/auth/password-reset': true,
  'POST /api/auth/password-reset/confirm': true,
  'POST /api/assessments': true,
  'GET /api/assessments/:id': true,
  'POST /api/assessments/:id/answers': true,
  'POST /api/assessments/:id/skip': true,
  'POST /api/assessments/:id/back': true,
  'POST /api/assessments/:id/finish': true,
  'GET /api/assessments/:id/plan': true,
  'POST /api/plans': true,
  'GET /api/plans': true,
  'GET /api/plans/:id': true,
  'POST /api/plans/:id/checkins': true,
  'GET /api/plans/:id/progress': true,
  'GET /api/plans/:id/handout.pdf': true,
  'GET /api/plans/:id/calendar.ics': true,
  'POST /api/activities/import': true,
  'GET /api/activities': true,
  'GET /api/activities/:id': true,
  'DELETE /api/activities/:id': true,
  'GET /api/training': true,
  'GET /api/training/pain': true,
  'PUT /api/shoes/:name/reminder': true,
  'GET /api/me/export': true,
  'DELETE /api/me': true,
  'POST /api/clinics': true,
  'GET /api/clinics': true,
  'GET /api/clinics/:id/slots': true,
  'POST /api/clinics/:id/invitations': true,
  'POST /api/invitations/accept': true,
  'PUT /api/clinics/:id/members/:memberId/working-hours': true,
  'POST /api/clinics/:id/exceptions': true,
  'DELETE /api/clinics/:id/exceptions/:exceptionId': true,
  'POST /api/clinics/:id/appointment-types': true,
  'PATCH /api/clinics/:id/appointment-types/:typeId': true,
  'GET /api/bookings/policy': true,
  'POST /api/bookings': true,
  'GET /api/bookings': true,
  'GET /api/bookings/:id': true,
  'POST /api/bookings/:id/reschedule': true,
  'POST /api/bookings/:id/cancel': true,
  'GET /api/bookings/:id/ics': true,
  'GET /api/me/consents': true,
  'POST /api/me/consents/:id/revoke': true,
  'GET /api/me/access-log': true,
  'GET /api/clinician/appointments': true,
  'GET /api/clinician/runners/:runnerId/fhir': true,
  'GET /api/clinician/memberships': true,
  'GET /api/clinician/runners/:runnerId/summary': true,
  'GET /api/me/reminders': true,
  'PUT /api/me/reminders': true,
  'POST /api/reminders/unsubscribe': true,
  'GET /api/clinician/runners/:runnerId/summary.pdf': true,
  'POST /api/clinician/runners/:runnerId/plan-edits': true,
  'GET /api/me/outcomes': true,
  'POST /api/me/outcomes': true,
  'POST /api/clinician/runners/:runnerId/outcomes': true,
} satisfies Record<ApiRouteKey, true>;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
}, 60_000);
afterAll(async () => {
  await t.close();
});

describe('the app', () => {
  it('documents every endpoint of docs/api.md in /api/openapi.json', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      openapi: string;
      paths: Record<string, Record<string, unknown>>;
    };
    expect(doc.openapi).toBe('3.1.0');
    const contract = readFileSync(new URL('../../../docs/api.md', import.meta.url), 'utf8');
    const rows = [...contract.matchAll(/^\| (GET|POST|PUT|PATCH|DELETE) +\| `([^`]+)` +\|/gm)];
    expect(rows.length).toBeGreaterThan(20);
    const documented = new Set(
      Object.entries(doc.paths).flatMap(([p, methods]) =>
        Object.keys(methods).map((m) => `${m.toUpperCase()} ${p.replace(/\/$/, '')}`),
      ),
    );
    documented.add('GET /api/openapi.json');
    const missing = rows
      .map(([, method, p]) => `${method} ${(p ?? '').replace(/:([a-zA-Z]+)/g, '{$1}')}`)
      .filter((r) => !documented.has(r));
    expect(missing).toEqual([]);
  });

  it('marks API responses uncacheable and sets security headers', async () => {
    const res = await t.app.request('/api/auth/me');
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('sends a strict Content-Security-Policy and a Permissions-Policy with the API and the app', async () => {
    for (const path of ['/api/auth/me', '/api/health', '/no-such-page']) {
      const res = await t.app.request(path);
      const csp = res.headers.get('content-security-policy') ?? '';
      const directives = new Map(
        csp.split(';').map((d) => {
          const [name = '', ...values] = d.trim().split(/\s+/);
          return [name, values.join(' ')] as const;
        }),
      );
      expect(directives.get('default-src')).toBe("'self'");
      expect(directives.get('script-src')).toBe("'self'");
      expect(directives.get('style-src')).toBe("'self'");
      expect(directives.get('img-src')).toBe("'self' data:");
      expect(directives.get('object-src')).toBe("'none'");
      expect(directives.get('frame-ancestors')).toBe("'none'");
      expect(directives.get('base-uri')).toBe("'self'");
      expect(directives.get('form-action')).toBe("'self'");
      expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
      const permissions = res.headers.get('permissions-policy') ?? '';
      for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()'])
        expect(permissions).toContain(feature);
    }
  });

  it('answers an unexpected failure with a generic 500 and logs the details on the server only', async () => {
    const broken = await createTestApp();
    await broken.database.close();
    const res = await broken.app.request('/api/health');
    expect(res.status).toBe(500);
    const body = (await res.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('server_error');
    expect(JSON.stringify(body)).not.toMatch(/pglite|closed|\.js:\d+|\.ts:\d+/i);
    expect(broken.logger.lines.join('\n')).toMatch(/GET \/api\/health failed/);
  }, 60_000);
});

describe('the contract’s route map', () => {
  it('names exactly the routes of the OpenAPI document (but the health route)', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as {
      paths: Record<string, Record<string, unknown>>;
    };
    const documented = Object.entries(doc.paths)
      .flatMap(([p, methods]) =>
        Object.keys(methods).map(
          (m) => `${m.toUpperCase()} ${p.replace(/\/$/, '').replace(/\{(\w+)\}/g, ':$1')}`,
        ),
      )
      .filter((route) => route !== 'GET /api/health')
      .sort();
    expect(Object.keys(ROUTES).sort()).toEqual(documented);
  });

  it('types each route by its schemas', () => {
    expectTypeOf<ApiRoutes['GET /api/plans/:id']['response']>().toEqualTypeOf<SavedPlanDto>();
    expectTypeOf<ApiRoutes['GET /api/plans/:id']['input']>().toEqualTypeOf<{
      param: { id: string };
    }>();
    expectTypeOf<ApiRoutes['DELETE /api/me']['response']>().toEqualTypeOf<undefined>();
    expectTypeOf<ApiRoutes['POST /api/plans/:id/checkins']['input']>().toHaveProperty('json');
  });
});
