/**
 * Uploads activity files with real progress. `fetch` cannot report upload
 * progress in every browser (request streams need HTTP/2 and are not in
 * Firefox or Safari), so this one request uses XMLHttpRequest, whose
 * `upload.onprogress` fires as the bytes leave. Same error model and CSRF
 * header as the JSON client.
 */
import type { ApiRouteKey } from '@backtrack/server/contract';
import {
  ApiError,
  ensureCsrfToken,
  parseJson,
  routeUrl,
  toApiError,
  trustResponse,
  type ResponseOf,
} from '../../shared/api/client.js';

/** Where an upload stands. */
export interface UploadProgress {
  /** Bytes sent so far. */
  loaded: number;
  /** Bytes to send (0 while the browser does not know). */
  total: number;
}

/** The part of XMLHttpRequest the upload uses (a fake in tests). */
export interface XhrLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: FormData): void;
  abort(): void;
  readonly status: number;
  readonly responseText: string;
  withCredentials: boolean;
  upload: { onprogress: ((event: ProgressEvent) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
}

/** What {@link sendForm} needs besides the form. */
export interface SendFormOptions {
  csrfToken: string;
  onProgress?: (progress: UploadProgress) => void;
  signal?: AbortSignal;
  createRequest?: () => XhrLike;
}

/**
 * Sends a multipart form to a route of the API and resolves with the route's
 * JSON answer; rejects with an `ApiError` (the server's, or `network` when no
 * answer came) or an `AbortError` when `signal` aborts.
 */
export function sendForm<K extends ApiRouteKey>(
  route: K,
  form: FormData,
  options: SendFormOptions,
): Promise<ResponseOf<K>> {
  const { method, url } = routeUrl(route, {});
  return new Promise<ResponseOf<K>>((resolve, reject) => {
    const xhr = options.createRequest?.() ?? (new XMLHttpRequest() as XhrLike);
    const abort = () => {
      xhr.abort();
    };
    const done = () => options.signal?.removeEventListener('abort', abort);
    xhr.open(method, url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', options.csrfToken);
    xhr.upload.onprogress = (event) => {
      options.onProgress?.({
        loaded: event.loaded,
        total: event.lengthComputable ? event.total : 0,
      });
    };
    xhr.onload = () => {
      done();
      const body = parseJson(xhr.responseText);
      if (xhr.status >= 200 && xhr.status < 300) resolve(trustResponse(route, body));
      else reject(toApiError(xhr.status, body));
    };
    xhr.onerror = () => {
      done();
      reject(
        new ApiError(
          'network',
          'The upload did not reach Backtrack. Check your connection and try again.',
          { status: 0 },
        ),
      );
    };
    xhr.onabort = () => {
      done();
      reject(new DOMException('The upload was cancelled.', 'AbortError'));
    };
    if (options.signal?.aborted) {
      xhr.onabort();
      return;
    }
    options.signal?.addEventListener('abort', abort);
    xhr.send(form);
  });
}

/** The form field the files go in (`POST /api/activities/import`). */
export const IMPORT_FIELD = 'files';

/** Uploads activity files (FIT, GPX, TCX, .gz, .zip, a Strava export) for the signed-in runner. */
export async function uploadActivities(
  files: readonly File[],
  options: Omit<SendFormOptions, 'csrfToken'> = {},
): Promise<ResponseOf<'POST /api/activities/import'>> {
  const form = new FormData();
  for (const file of files) form.append(IMPORT_FIELD, file, file.name);
  const csrfToken = await ensureCsrfToken();
  return sendForm('POST /api/activities/import', form, { ...options, csrfToken });
}
