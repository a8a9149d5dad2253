import { useEffect, useRef, useState, type RefObject, type SubmitEvent } from 'react';
import { useInvalidateTraining } from './training-queries.js';
import type { ImportResultDto } from '../../shared/api/types.js';
import { uploadActivities, type UploadProgress } from './upload.js';
import {
  fileOutcome,
  fileOutcomeText,
  formatBytes,
  importSummary,
  uploadPercent,
} from './training.js';
import { ErrorMessage } from '../../shared/ErrorMessage.js';
import { TableScroll } from '../../shared/TableScroll.js';
import './training.css';

/** File types the import reads (the server decides; this only guides the file picker). */
export const ACCEPTED_FILES =
  '.fit,.gpx,.tcx,.gz,.zip,.FIT,.GPX,.TCX,application/zip,application/gzip';

type State =
  | { kind: 'idle' }
  | { kind: 'uploading'; progress: UploadProgress }
  | {
      kind: 'done';
      result: ImportResultDto;
      files: { name: string; size: number }[];
      bytes: number;
    }
  | { kind: 'failed'; error: unknown };

/**
 * Upload of activity files or a Strava export: a file picker, a real
 * progress bar (bytes sent, from the browser's upload events), then what
 * happened to each file.
 */
export function ImportForm() {
  const [files, setFiles] = useState<File[]>([]);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const controller = useRef<AbortController | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const invalidate = useInvalidateTraining();

  useEffect(() => () => controller.current?.abort(), []);
  useEffect(() => {
    if (state.kind === 'done') resultHeading.current?.focus();
  }, [state.kind]);

  const submit = (event: SubmitEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (files.length === 0 || state.kind === 'uploading') return;
    const chosen = files.map((f) => ({ name: f.name, size: f.size }));
    const bytes = chosen.reduce((sum, f) => sum + f.size, 0);
    const abort = new AbortController();
    controller.current = abort;
    setState({ kind: 'uploading', progress: { loaded: 0, total: 0 } });
    uploadActivities(files, {
      signal: abort.signal,
      onProgress: (progress) => {
        setState({ kind: 'uploading', progress });
      },
    }).then(
      (result) => {
        setState({ kind: 'done', result, files: chosen, bytes });
        setFiles([]);
        if (input.current) input.current.value = '';
        void invalidate();
      },
      (error: unknown) => {
        if (error instanceof DOMException && error.name === 'AbortError') {
          setState({ kind: 'idle' });
          return;
        }
        setState({ kind: 'failed', error });
      },
    );
  };

  const uploading = state.kind === 'uploading';
  const totalBytes = files.reduce((s, f) => s + f.size, 0);

  return (
    <form className="import" onSubmit={submit} aria-labelledby="import-heading" noValidate>
      <h2 id="import-heading">Import runs</h2>
      <p>
        Files from your watch or app: <strong>FIT</strong>, <strong>GPX</strong> or{' '}
        <strong>TCX</strong>, also gzipped (<code>.gz</code>) or in a <code>.zip</code>. Your whole{' '}
        <strong>Strava export</strong> works too: upload the <code>export_….zip</code> Strava emails
        you (Settings → My Account → Download or Delete Your Account → Request your archive).
      </p>
      <div className="field">
        <label htmlFor="import-files">Activity files</label>
        <input
          ref={input}
          id="import-files"
          type="file"
          multiple
          accept={ACCEPTED_FILES}
          aria-describedby="import-files-hint"
          disabled={uploading}
          onChange={(e) => {
            setFiles(Array.from(e.target.files ?? []));
            if (state.kind !== 'uploading') setState({ kind: 'idle' });
          }}
        />
        <p id="import-files-hint" className="hint">
          Choose one or more files. The same run imported twice is recognised and kept once.
        </p>
      </div>
      {files.length > 0 ? (
        <p className="import__chosen">
          {files.length} file{files.length === 1 ? '' : 's'} chosen ({formatBytes(totalBytes)}):{' '}
          {files.map((f) => f.name).join(', ')}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={files.length === 0 || uploading}
        >
          Import
        </button>
        {uploading ? (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => controller.current?.abort()}
          >
            Cancel upload
          </button>
        ) : null}
      </div>
      {uploading ? <UploadBar progress={state.progress} phase="sending" /> : null}
      {state.kind === 'done' ? (
        <UploadBar progress={{ loaded: state.bytes, total: state.bytes }} phase="finished" />
      ) : null}
      {state.kind === 'failed' ? (
        <ErrorMessage error={state.error} title="The files were not imported" />
      ) : null}
      {state.kind === 'done' ? (
        <ImportResult result={state.result} files={state.files} headingRef={resultHeading} />
      ) : null}
    </form>
  );
}

/**
 * The progress bar: bytes sent, then "reading your files" while the server
 * works, then (once it answered) a full bar that stays as the record.
 */
function UploadBar({
  progress,
  phase,
}: {
  progress: UploadProgress;
  phase: 'sending' | 'finished';
}) {
  const finished = phase === 'finished';
  const percent = finished ? 100 : uploadPercent(progress.loaded, progress.total);
  const sent = progress.total > 0 && progress.loaded >= progress.total;
  let text: string;
  if (finished) text = `Uploaded 100% (${formatBytes(progress.total)}).`;
  else if (sent) text = 'Uploaded 100%. Reading your files…';
  else {
    text = `Uploading: ${percent}%${
      progress.total > 0
        ? ` (${formatBytes(progress.loaded)} of ${formatBytes(progress.total)})`
        : ''
    }`;
  }
  return (
    <div className="progress import__progress">
      <div
        className="progress__bar"
        role="progressbar"
        aria-label="Upload progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={`${percent}%`}
      >
        <div className="progress__fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="progress__text" role={finished ? undefined : 'status'}>
        {text}
      </p>
    </div>
  );
}

/** What the import did: the counts, then every file with its outcome. */
function ImportResult({
  result,
  files,
  headingRef,
}: {
  result: ImportResultDto;
  files: { name: string; size: number }[];
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  // An error naming no uploaded file (should not happen) is still shown.
  const names = files.map((f) => f.name);
  const orphans = result.errors.filter(
    (e) => !names.some((n) => e.file === n || e.file.startsWith(`${n}/`)),
  );
  return (
    <section
      className={`notice ${result.errors.length > 0 ? 'notice--warning' : ''} import__result`}
      aria-labelledby="import-result-heading"
    >
      <h3 id="import-result-heading" ref={headingRef} tabIndex={-1}>
        Import finished
      </h3>
      <p role="status">{importSummary(result)}</p>
      <TableScroll label="What happened to each file">
        <table className="data-table">
          <caption className="visually-hidden">What happened to each file</caption>
          <thead>
            <tr>
              <th scope="col">File</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {files.map((f) => {
              const o = fileOutcome(f.name, result);
              const text = fileOutcomeText(o);
              return (
                <tr key={f.name}>
                  <th scope="row" className="import__file">
                    {f.name}
                  </th>
                  <td>
                    {text ? <span>{text}</span> : null}
                    {o.errors.length > 0 ? (
                      <ul className="import__errors">
                        {o.errors.map((message) => (
                          <li key={message} className="import__error">
                            <strong>Could not be read:</strong> {message}
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </td>
                </tr>
              );
            })}
            {orphans.map((e) => (
              <tr key={`${e.file}-${e.message}`}>
                <th scope="row" className="import__file">
                  {e.file}
                </th>
                <td>
                  <span className="import__error">
                    <strong>Could not be read:</strong> {e.message}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {result.duplicates > 0 ? (
        <p className="muted">
          Duplicates are runs you had already imported, or the same run twice in this upload (for
          example from your watch and from Strava): each is kept once.
        </p>
      ) : null}
    </section>
  );
}
