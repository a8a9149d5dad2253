import { useEffect, useRef, useState, type RefObject, type SubmitEvent } from 'react';
import { describeFileImport, describeImportTotals } from '@backtrack/core';
import { useInvalidateTraining } from './training-queries.js';
import { importEach, type FileUpload } from './upload.js';
import { formatBytes, uploadPercent } from './training.js';
import { TableScroll } from '../../shared/TableScroll.js';
import './training.css';

/** File types the import reads (the server decides; this only guides the file picker). */
export const ACCEPTED_FILES =
  '.fit,.gpx,.tcx,.gz,.zip,.FIT,.GPX,.TCX,application/zip,application/gzip';

type State =
  | { kind: 'idle' }
  | { kind: 'importing'; files: FileUpload[] }
  | { kind: 'done'; files: FileUpload[] };

/**
 * Upload of activity files or a Strava export: a file picker, then one
 * upload per file, each with its own state (waiting, uploading with a real
 * progress bar from the browser's upload events, being read, done or
 * failed) and, once read, its one honest outcome.
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
    if (files.length === 0 || state.kind === 'importing') return;
    const abort = new AbortController();
    controller.current = abort;
    importEach(files, {
      signal: abort.signal,
      onChange: (list) => {
        setState({ kind: 'importing', files: list });
      },
    }).then(
      (list) => {
        setState({ kind: 'done', files: list });
        setFiles([]);
        if (input.current) input.current.value = '';
        void invalidate();
      },
      () => {
        // Cancelled: what was imported before the cancel stays imported.
        setState({ kind: 'idle' });
        void invalidate();
      },
    );
  };

  const importing = state.kind === 'importing';
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
          disabled={importing}
          onChange={(e) => {
            setFiles(Array.from(e.target.files ?? []));
            if (state.kind !== 'importing') setState({ kind: 'idle' });
          }}
        />
        <p id="import-files-hint" className="hint">
          Choose one or more files. The same run imported twice is recognised and kept once.
        </p>
      </div>
      {files.length > 0 && !importing ? (
        <p className="import__chosen">
          {files.length} file{files.length === 1 ? '' : 's'} chosen ({formatBytes(totalBytes)}):{' '}
          {files.map((f) => f.name).join(', ')}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="submit"
          className="button button--primary"
          disabled={files.length === 0 || importing}
        >
          Import
        </button>
        {importing ? (
          <button
            type="button"
            className="button button--ghost"
            onClick={() => controller.current?.abort()}
          >
            Cancel upload
          </button>
        ) : null}
      </div>
      {state.kind === 'importing' ? <FileTable files={state.files} /> : null}
      {state.kind === 'done' ? (
        <ImportResult files={state.files} headingRef={resultHeading} />
      ) : null}
    </form>
  );
}

/** What a file's state cell says while the import runs (and after, for a failure). */
function phaseText(f: FileUpload): string {
  switch (f.phase) {
    case 'queued':
      return 'Waiting';
    case 'uploading': {
      const percent = uploadPercent(f.progress.loaded, f.progress.total);
      return `Uploading: ${percent}% (${formatBytes(f.progress.loaded)} of ${formatBytes(f.progress.total || f.size)})`;
    }
    case 'reading':
      return 'Uploaded. Reading the file…';
    case 'done':
      return f.outcome ? describeFileImport(f.outcome) : 'Imported';
    case 'failed':
      return `Not imported: ${f.error?.message ?? 'the upload failed'}`;
  }
}

/** The progress bar of one file: the bytes sent, full once sent. */
function FileBar({ file }: { file: FileUpload }) {
  const percent =
    file.phase === 'uploading' ? uploadPercent(file.progress.loaded, file.progress.total) : 100;
  return (
    <div
      className="progress__bar"
      role="progressbar"
      aria-label={`Upload of ${file.name}`}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-valuetext={`${percent}%`}
    >
      <div className="progress__fill" style={{ width: `${percent}%` }} />
    </div>
  );
}

/** Every file of the upload with its state: a bar while it is sent or read, then its outcome. */
function FileTable({ files }: { files: FileUpload[] }) {
  return (
    <TableScroll label="What happened to each file">
      <table className="data-table import__files">
        <caption className="visually-hidden">What happened to each file</caption>
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Result</th>
          </tr>
        </thead>
        <tbody>
          {/* Keyed by position: the same name may be chosen twice, from two folders. */}
          {files.map((f, i) => {
            const status = f.outcome?.status ?? (f.phase === 'failed' ? 'not_read' : null);
            const problem = status === 'not_read' || status === 'partly_damaged';
            return (
              <tr key={`${i}-${f.name}`}>
                <th scope="row" className="import__file">
                  {f.name}
                </th>
                <td>
                  {f.phase === 'uploading' || f.phase === 'reading' ? <FileBar file={f} /> : null}
                  <span
                    className={problem ? 'import__error' : undefined}
                    role={f.phase === 'reading' ? 'status' : undefined}
                  >
                    {phaseText(f)}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}

/** What the import did: one sentence over all files, then every file with its one outcome. */
function ImportResult({
  files,
  headingRef,
}: {
  files: FileUpload[];
  headingRef: RefObject<HTMLHeadingElement | null>;
}) {
  const counts = files.map(
    (f) =>
      f.outcome ?? {
        stored: 0,
        runs: 0,
        duplicates: 0,
        notStored: 0,
        problems: [f.error?.message ?? 'the upload failed'],
      },
  );
  const troubled = counts.some((c) => c.problems.length > 0 || c.notStored > 0);
  const duplicates = counts.reduce((s, c) => s + c.duplicates, 0);
  return (
    <section
      className={`notice ${troubled ? 'notice--warning' : ''} import__result`}
      aria-labelledby="import-result-heading"
    >
      <h3 id="import-result-heading" ref={headingRef} tabIndex={-1}>
        Import finished
      </h3>
      <p role="status">{describeImportTotals(counts)}</p>
      <FileTable files={files} />
      {duplicates > 0 ? (
        <p className="muted">
          Duplicates are runs you had already imported, or the same run twice in this upload (for
          example from your watch and from Strava): each is kept once.
        </p>
      ) : null}
    </section>
  );
}
