// Importing résumés: drop PDF files (or pick them, or a folder), then watch the progress bar and
// each file's outcome — parsed, duplicate, or failed with the reason.
import { useEffect, useRef, useState, type DragEvent } from 'react';
import { useStore } from 'zustand';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { hrefOf } from '../../app/router';
import { useStores } from '../../app/stores-context';
import type { FileOutcome } from '../../stores/imports';

const OUTCOME_LABELS: Record<FileOutcome, string> = {
  waiting: 'Waiting',
  parsing: 'Reading…',
  parsed: 'Parsed',
  failed: 'Failed',
  duplicate: 'Duplicate',
  rejected: 'Refused',
};

const isPdf = (file: File) => file.type === 'application/pdf' || file.name.toLowerCase().endsWith('.pdf');

export function ImportDialog({ onClose }: { onClose: () => void }) {
  const { imports, candidates, toasts } = useStores();
  const { phase, rows, status, error } = useStore(imports);
  const [dragging, setDragging] = useState(false);
  const filesInput = useRef<HTMLInputElement>(null);
  const folderInput = useRef<HTMLInputElement>(null);
  const desk = window.desk;

  useEffect(() => {
    // A browser picks a folder through a directory input; the attribute is not in React's types.
    if (folderInput.current) folderInput.current.webkitdirectory = true;
  }, []);

  const previousPhase = useRef(phase);
  useEffect(() => {
    if (previousPhase.current !== 'done' && phase === 'done') {
      void candidates.getState().reload();
      const parsed = rows.filter((r) => r.outcome === 'parsed').length;
      toasts.getState().show('success', `Import finished: ${parsed} of ${rows.length} files parsed.`);
    }
    previousPhase.current = phase;
  }, [phase, rows, candidates, toasts]);

  function start(files: readonly File[]) {
    const pdfs = files.filter(isPdf);
    const skipped = files.length - pdfs.length;
    if (skipped > 0) toasts.getState().show('info', `${skipped} file(s) skipped: only PDF files are imported.`);
    if (pdfs.length > 0) void imports.getState().uploadFiles(pdfs);
  }

  function onDrop(event: DragEvent) {
    event.preventDefault();
    setDragging(false);
    start([...event.dataTransfer.files]);
  }

  async function pickWithDesk(kind: 'files' | 'folder') {
    if (!desk) return;
    if (kind === 'folder') {
      const path = await desk.pickImportFolder();
      if (path) void imports.getState().importFolder(path);
      return;
    }
    const picked = await desk.pickResumeFiles();
    for (const problem of picked.errors) toasts.getState().show('error', `${problem.name}: ${problem.reason}`);
    start(picked.files.map((f) => new File([new Uint8Array(f.bytes)], f.name, { type: 'application/pdf' })));
  }

  const busy = phase === 'uploading' || phase === 'running';
  const stored = status?.total ?? rows.filter((r) => r.outcome !== 'rejected' && r.outcome !== 'duplicate').length;
  const finished = status ? status.parsed + status.failed + status.analyzed : rows.filter((r) => r.outcome === 'parsed' || r.outcome === 'failed').length;
  const failed = rows.filter((r) => r.outcome === 'failed').length;

  return (
    <Dialog title="Import résumés" onClose={onClose} wide actions={<Button onClick={onClose}>{busy ? 'Continue in background' : 'Close'}</Button>}>
      <div
        className={`dropzone${dragging ? ' dropzone-active' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
        data-testid="import-dropzone"
      >
        <p><strong>Drop PDF résumés here</strong> or choose them:</p>
        <div className="button-row">
          {desk ? (
            <>
              <Button variant="primary" onClick={() => void pickWithDesk('files')} disabled={busy}>Choose PDF files</Button>
              <Button onClick={() => void pickWithDesk('folder')} disabled={busy}>Choose a folder</Button>
            </>
          ) : (
            <>
              <Button variant="primary" onClick={() => filesInput.current?.click()} disabled={busy}>Choose PDF files</Button>
              <Button onClick={() => folderInput.current?.click()} disabled={busy}>Choose a folder</Button>
            </>
          )}
        </div>
        <input ref={filesInput} className="visually-hidden" type="file" multiple accept="application/pdf,.pdf" aria-label="PDF files to import" tabIndex={-1}
          onChange={(e) => { start([...(e.target.files ?? [])]); e.target.value = ''; }} />
        <input ref={folderInput} className="visually-hidden" type="file" multiple aria-label="Folder to import" tabIndex={-1}
          onChange={(e) => { start([...(e.target.files ?? [])]); e.target.value = ''; }} />
      </div>

      {error && <p className="form-error" role="alert">{error}</p>}
      {phase !== 'idle' && (
        <section aria-labelledby="import-progress-title">
          <h3 id="import-progress-title">{phase === 'uploading' ? 'Sending files…' : phase === 'done' ? 'Import finished' : 'Reading résumés…'}</h3>
          <progress className="import-progress" aria-label="Import progress" max={Math.max(stored, 1)} value={phase === 'uploading' ? 0 : finished} />
          <p aria-live="polite">
            {finished} of {stored} files read
            {status && status.duplicates > 0 ? `, ${status.duplicates} duplicate` : ''}
            {status && status.rejected > 0 ? `, ${status.rejected} refused` : ''}
            {failed > 0 ? `, ${failed} failed` : ''}
          </p>
          <div className="button-row">
            {phase === 'running' && <Button onClick={() => void imports.getState().cancel()}>Cancel import</Button>}
            {phase === 'done' && failed > 0 && <Button onClick={() => void imports.getState().retry()}>Retry failed files</Button>}
          </div>
          <table className="data-table import-files">
            <caption className="visually-hidden">Files of this import</caption>
            <thead>
              <tr><th scope="col">File</th><th scope="col">Status</th><th scope="col">Details</th></tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.key} data-outcome={row.outcome}>
                  <td>{row.fileName}</td>
                  <td><span className={`badge badge-${row.outcome}`}>{OUTCOME_LABELS[row.outcome]}</span></td>
                  <td>
                    {row.reason}
                    {row.candidateId && row.outcome === 'parsed' && <a href={hrefOf({ name: 'candidate', id: row.candidateId })}>Open candidate</a>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </Dialog>
  );
}
