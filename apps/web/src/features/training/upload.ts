/**
 * Uploads activity files with real progress. `fetch` cannot report upload
 * progress in every browser (request streams need HTTP/2 and are not in
 * Firefox or Safari), so this one request uses XMLHttpRequest, whose
 * `upload.onprogress` fires as the bytes leave. Same error model and CSRF
 * header as the JSON client.
 */
import type { ApiRouteKey } from '@backtrack/server/contract';
import type { FileImportDto, ImportResultDto } from '../../shared/api/types.js';
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

/** Where one file of an import stands. */
export type FilePhase = 'queued' | 'uploading' | 'reading' | 'done' | 'failed';

/** One file of an import: its phase, the bytes sent, and what the server made of it. */
export interface FileUpload {
  name: string;
  size: number;
  phase: FilePhase;
  /** Bytes sent so far (of `size`, or of the request's total when the browser knows it). */
  progress: UploadProgress;
  /** The server's outcome for the file (also for a file it could not read at all). */
  outcome: FileImportDto | null;
  /** Why the file failed without an outcome (the network, a limit, the server). */
  error: ApiError | null;
}

/** Uploads one file and resolves with the server's answer for it. */
export type UploadOne = (
  file: File,
  options: { onProgress: (progress: UploadProgress) => void; signal?: AbortSignal },
) => Promise<ImportResultDto>;

/** What {@link importEach} needs besides the files. */
export interface ImportEachOptions {
  /** Called with a fresh list whenever a file's state changes. */
  onChange: (files: FileUpload[]) => void;
  signal?: AbortSignal;
  /** The upload of one file (default {@link uploadActivities}); a fake in tests. */
  upload?: UploadOne;
  /** Waits before a retry while the server reads other uploads (429); default `setTimeout`. */
  wait?: (ms: number) => Promise<void>;
  /** Tries per file while the server answers 429. Default 4. */
  attempts?: number;
}

const RETRY_MS = 2000;

/** The outcome of a file the server refused as unreadable (400 naming its problems). */
function unreadable(name: string, error: ApiError): FileImportDto {
  const prefix = `${name}: `;
  const problems = error.details.length > 0 ? error.details : [error.message];
  return {
    file: name,
    status: 'not_read',
    stored: 0,
    runs: 0,
    duplicates: 0,
    notStored: 0,
    problems: problems.map((p) => (p.startsWith(prefix) ? p.slice(prefix.length) : p)),
    skipped: 0,
  };
}

/**
 * Imports files one request per file, in order, so that each file shows
 * its own state (queued, uploading with its bytes, reading, done, failed)
 * and its own result, and the server reads one file at a time for this
 * runner. A file the server cannot read ends `done` with a `not_read`
 * outcome; a failure without an answer about the file ends `failed`.
 * Resolves with the final states; rejects with an `AbortError` when
 * `signal` aborts (the files not yet sent stay queued).
 */
export async function importEach(
  files: readonly File[],
  options: ImportEachOptions,
): Promise<FileUpload[]> {
  const upload: UploadOne = options.upload ?? ((file, o) => uploadActivities([file], o));
  const wait =
    options.wait ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const attempts = options.attempts ?? 4;
  const states: FileUpload[] = files.map((f) => ({
    name: f.name,
    size: f.size,
    phase: 'queued',
    progress: { loaded: 0, total: f.size },
    outcome: null,
    error: null,
  }));
  const set = (i: number, patch: Partial<FileUpload>) => {
    const current = states[i];
    if (!current) return;
    states[i] = { ...current, ...patch };
    options.onChange([...states]);
  };
  options.onChange([...states]);
  for (const [i, file] of files.entries()) {
    for (let attempt = 1; ; attempt++) {
      set(i, { phase: 'uploading', progress: { loaded: 0, total: file.size } });
      try {
        const result = await upload(file, {
          onProgress: (progress) => {
            const sent = progress.total > 0 && progress.loaded >= progress.total;
            set(i, { phase: sent ? 'reading' : 'uploading', progress });
          },
          ...(options.signal ? { signal: options.signal } : {}),
        });
        const outcome = result.files[0] ?? null;
        set(i, { phase: 'done', outcome, progress: { loaded: file.size, total: file.size } });
        break;
      } catch (error) {
        if (error instanceof DOMException && error.name === 'AbortError') {
          set(i, { phase: 'queued', progress: { loaded: 0, total: file.size } });
          throw error;
        }
        const apiError =
          error instanceof ApiError
            ? error
            : new ApiError('server_error', 'The file could not be imported.', { status: 0 });
        if (apiError.code === 'rate_limited' && attempt < attempts) {
          set(i, { phase: 'queued' });
          await wait(RETRY_MS * attempt);
          continue;
        }
        if (apiError.code === 'invalid_input') {
          set(i, { phase: 'done', outcome: unreadable(file.name, apiError) });
        } else set(i, { phase: 'failed', error: apiError });
        break;
      }
    }
  }
  return states;
}
