import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/api/client.js';
import { importEach, sendForm, type UploadProgress, type XhrLike } from './upload.js';

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

describe('importEach', () => {
  const file = (name: string, text = 'x'.repeat(100)) => new File([text], name);
  const outcome = (name: string, stored: number) => ({
    file: name,
    status: stored > 0 ? ('imported' as const) : ('already_imported' as const),
    stored,
    runs: stored,
    duplicates: stored > 0 ? 0 : 1,
    notStored: 0,
    problems: [],
    skipped: 0,
  });
  const answer = (name: string, stored: number) => ({
    imported: stored,
    duplicates: stored > 0 ? 0 : 1,
    errors: [],
    skipped: [],
    files: [outcome(name, stored)],
    activities: [],
  });

  it('sends one file at a time and reports each file’s phases', async () => {
    const phases: string[] = [];
    const sent: string[] = [];
    const final = await importEach([file('a.fit'), file('b.gpx')], {
      upload: (f, { onProgress }) => {
        sent.push(f.name);
        onProgress({ loaded: 50, total: 100 });
        onProgress({ loaded: 100, total: 100 });
        return Promise.resolve(answer(f.name, f.name === 'a.fit' ? 1 : 0));
      },
      onChange: (files) => {
        phases.push(files.map((f) => f.phase).join(','));
      },
    });
    expect(sent).toEqual(['a.fit', 'b.gpx']);
    expect(phases).toEqual([
      'queued,queued',
      'uploading,queued',
      'uploading,queued',
      'reading,queued',
      'done,queued',
      'done,uploading',
      'done,uploading',
      'done,reading',
      'done,done',
    ]);
    expect(final.map((f) => f.outcome?.status)).toEqual(['imported', 'already_imported']);
  });

  it('turns a 400 naming the file into its "could not be read" outcome, and goes on', async () => {
    const final = await importEach([file('bad.fit'), file('good.gpx')], {
      upload: (f) =>
        f.name === 'bad.fit'
          ? Promise.reject(
              new ApiError('invalid_input', 'files: no activity could be read from the file', {
                status: 400,
                details: ['bad.fit: not a FIT, GPX or TCX file'],
              }),
            )
          : Promise.resolve(answer(f.name, 1)),
      onChange: () => undefined,
    });
    expect(final[0]).toMatchObject({
      phase: 'done',
      outcome: { status: 'not_read', problems: ['not a FIT, GPX or TCX file'] },
    });
    expect(final[1]).toMatchObject({ phase: 'done', outcome: { status: 'imported' } });
  });

  it('waits and tries again while the server reads other uploads, then fails honestly', async () => {
    const waits: number[] = [];
    let tries = 0;
    const busy = new ApiError('rate_limited', 'busy', { status: 429 });
    const final = await importEach([file('a.fit')], {
      upload: () => {
        tries += 1;
        return Promise.reject(busy);
      },
      wait: (ms) => {
        waits.push(ms);
        return Promise.resolve();
      },
      attempts: 3,
      onChange: () => undefined,
    });
    expect(tries).toBe(3);
    expect(waits).toEqual([2000, 4000]);
    expect(final[0]).toMatchObject({ phase: 'failed', error: busy });
  });

  it('stops at a cancel, leaving the rest queued', async () => {
    const controller = new AbortController();
    let last: string[] = [];
    const run = importEach([file('a.fit'), file('b.fit')], {
      signal: controller.signal,
      upload: () => {
        controller.abort();
        return Promise.reject(new DOMException('cancelled', 'AbortError'));
      },
      onChange: (files) => {
        last = files.map((f) => f.phase);
      },
    });
    await expect(run).rejects.toMatchObject({ name: 'AbortError' });
    expect(last).toEqual(['queued', 'queued']);
  });
});
