import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/client.js';
import { sendForm, type UploadProgress, type XhrLike } from './upload.js';

/** A scripted XMLHttpRequest: records what was sent, replays progress and an answer. */
class FakeXhr implements XhrLike {
  method = '';
  url = '';
  headers: Record<string, string> = {};
  body: FormData | undefined;
  status = 0;
  responseText = '';
  withCredentials = false;
  aborted = false;
  upload: XhrLike['upload'] = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;

  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader(name: string, value: string) {
    this.headers[name] = value;
  }
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.aborted = true;
    this.onabort?.();
  }
  progress(loaded: number, total: number, lengthComputable = true) {
    this.upload.onprogress?.({ loaded, total, lengthComputable } as ProgressEvent);
  }
  answer(status: number, body: string) {
    this.status = status;
    this.responseText = body;
    this.onload?.();
  }
}

function form() {
  const f = new FormData();
  f.append('files', new Blob(['<gpx/>']), 'run.gpx');
  return f;
}

describe('sendForm', () => {
  it('posts the form with the CSRF header and reports progress', async () => {
    const xhr = new FakeXhr();
    const seen: UploadProgress[] = [];
    const pending = sendForm('POST /api/activities/import', form(), {
      csrfToken: 'tok',
      createRequest: () => xhr,
      onProgress: (p) => seen.push(p),
    });
    expect(xhr.method).toBe('POST');
    expect(xhr.url).toBe('/api/activities/import');
    expect(xhr.headers['x-csrf-token']).toBe('tok');
    expect(xhr.body?.getAll('files')).toHaveLength(1);
    xhr.progress(50, 200);
    xhr.progress(200, 200);
    xhr.progress(10, 0, false);
    xhr.answer(200, '{"imported":2,"duplicates":0,"errors":[]}');
    await expect(pending).resolves.toEqual({ imported: 2, duplicates: 0, errors: [] });
    expect(seen).toEqual([
      { loaded: 50, total: 200 },
      { loaded: 200, total: 200 },
      { loaded: 10, total: 0 },
    ]);
  });

  it('turns an error answer into the API error, 413 included', async () => {
    const xhr = new FakeXhr();
    const pending = sendForm('POST /api/activities/import', form(), {
      csrfToken: 't',
      createRequest: () => xhr,
    });
    xhr.answer(
      413,
      '{"error":{"code":"payload_too_large","message":"The upload is over 50 MB.","details":[]}}',
    );
    await expect(pending).rejects.toMatchObject({
      code: 'payload_too_large',
      status: 413,
      message: 'The upload is over 50 MB.',
    });
  });

  it('falls back to the status when the answer is not JSON', async () => {
    const xhr = new FakeXhr();
    const pending = sendForm('POST /api/activities/import', form(), {
      csrfToken: 't',
      createRequest: () => xhr,
    });
    xhr.answer(413, '<html>Request Entity Too Large</html>');
    await expect(pending).rejects.toMatchObject({ code: 'payload_too_large' });
  });

  it('reports a network failure as such', async () => {
    const xhr = new FakeXhr();
    const pending = sendForm('POST /api/activities/import', form(), {
      csrfToken: 't',
      createRequest: () => xhr,
    });
    xhr.onerror?.();
    const error: unknown = await pending.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('network');
  });

  it('aborts with the signal', async () => {
    const xhr = new FakeXhr();
    const controller = new AbortController();
    const pending = sendForm('POST /api/activities/import', form(), {
      csrfToken: 't',
      createRequest: () => xhr,
      signal: controller.signal,
    });
    controller.abort();
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
    expect(xhr.aborted).toBe(true);
  });
});
