/** `/api/activities/*`: import activity files, list, read and delete imported activities (an account is needed). */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import path from 'node:path';
import { createRoute, z } from '@hono/zod-openapi';
import { requireUser } from '../auth/middleware.js';
import { HTTP_STATUS } from '../http/errors.js';
import { newRouter } from '../http/router.js';
import { errorResponses, jsonResponse, ZErrorBody, ZIdParam } from '../http/schemas.js';
import { ZActivitiesPage, ZActivityDetail, ZImportResult } from './dto.js';
import type { ActivityService } from './service.js';
import {
  MAX_IMPORT_BYTES,
  MAX_IMPORT_FILES,
  MAX_IMPORT_READ,
  MAX_IMPORT_STORED,
  readUploadedFiles,
} from './upload.js';

const tags = ['activities'];

const ZPageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

const importFiles = createRoute({
  method: 'post',
  path: '/import',
  tags,
  summary:
    'Import activity files: .fit, .gpx, .tcx (each optionally .gz), .zip, Strava bulk export',
  description: `multipart/form-data with the files in the field \`files\` (at most ${MAX_IMPORT_FILES} files, ${MAX_IMPORT_BYTES / 1024 / 1024} MiB in all). A file that cannot be read is listed in \`errors\` and the others are imported; at most ${MAX_IMPORT_READ} activities are read and ${MAX_IMPORT_STORED} new ones stored per upload (import the same file again for the next ones); while the server reads other uploads: 429 with Retry-After; when nothing can be read: 400 naming each file's problem. The same run is stored once (same file, or start within 2 min and distance within 2%).`,
  request: {
    body: {
      required: true,
      content: {
        'multipart/form-data': {
          schema: {
            type: 'object',
            properties: { files: { type: 'array', items: { type: 'string', format: 'binary' } } },
            required: ['files'],
          },
        },
      },
    },
  },
  responses: {
    200: jsonResponse(ZImportResult, 'What was imported, what was already there, and what failed'),
    ...errorResponses('invalid_input', 'unauthenticated', 'forbidden', 'rate_limited'),
    [HTTP_STATUS.payload_too_large]: {
      description: `The upload is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MiB.`,
      content: { 'application/json': { schema: ZErrorBody } },
    },
  },
});

const list = createRoute({
  method: 'get',
  path: '/',
  tags,
  summary: 'The signed-in runner’s activities, newest first, a page at a time',
  request: { query: ZPageQuery },
  responses: {
    200: jsonResponse(ZActivitiesPage, 'A page of activities'),
    ...errorResponses('invalid_input', 'unauthenticated'),
  },
});

const get = createRoute({
  method: 'get',
  path: '/{id}',
  tags,
  summary: 'One activity with its laps and series',
  request: { params: ZIdParam },
  responses: {
    200: jsonResponse(ZActivityDetail, 'The activity'),
    ...errorResponses('invalid_input', 'unauthenticated', 'not_found'),
  },
});

const remove = createRoute({
  method: 'delete',
  path: '/{id}',
  tags,
  summary: 'Delete an imported activity',
  request: { params: ZIdParam },
  responses: {
    204: { description: 'Deleted' },
    ...errorResponses('invalid_input', 'unauthenticated', 'forbidden', 'not_found'),
  },
});

/**
 * The activity routes. An upload is streamed into its own folder under
 * `uploadsDir`, read from there by a worker thread, and removed when the
 * request ends, answered, refused or cut off.
 */
export function activityRoutes(service: ActivityService, options: { uploadsDir: string }) {
  return newRouter()
    .openapi(importFiles, async (c) => {
      const user = requireUser(c.var.auth);
      await mkdir(options.uploadsDir, { recursive: true });
      const folder = await mkdtemp(path.join(options.uploadsDir, 'upload-'));
      try {
        const files = await readUploadedFiles(c, folder);
        return c.json(await service.import(user.id, files), 200);
      } finally {
        await rm(folder, { recursive: true, force: true });
      }
    })
    .openapi(list, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(await service.list(user.id, c.req.valid('query')), 200);
    })
    .openapi(get, async (c) => {
      const user = requireUser(c.var.auth);
      return c.json(await service.get(c.req.valid('param').id, user.id), 200);
    })
    .openapi(remove, async (c) => {
      const user = requireUser(c.var.auth);
      await service.delete(c.req.valid('param').id, user.id);
      return c.body(null, 204);
    });
}
