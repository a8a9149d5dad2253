/**
 * A router for one feature: an `OpenAPIHono` whose validation failures
 * become `invalid_input` errors naming the field (the app's error handler
 * renders them).
 */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './context.js';
import { invalidInput } from './errors.js';

const WHERE: Record<string, string> = {
  json: 'body',
  query: 'query parameter',
  param: 'path parameter',
  header: 'header',
  cookie: 'cookie',
};

/** A new feature router. */
export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        const where = WHERE[result.target];
        throw invalidInput(result.error.issues, where === 'body' ? undefined : where);
      }
    },
  });
}
