// Sends the import form with XMLHttpRequest (fetch reports no upload progress) and reads the NDJSON
// answer as it arrives: upload share, then the server's progress events, then the summary.
import type { ImportEvent } from '@/lib/http/import-upload';
import type { ImportSummaryResponse } from '@/lib/schemas/import';

export type UploadState =
  | { phase: 'idle' }
  | { phase: 'uploading'; share: number }
  | { phase: 'importing'; rowsRead: number; written: number; rejected: number; indexing: boolean }
  | { phase: 'done'; summary: ImportSummaryResponse }
  | { phase: 'failed'; message: string };

function failure(status: number, text: string): string {
  try {
    const body = JSON.parse(text) as { error?: { message?: string } };
    if (body.error?.message) return body.error.message;
  } catch {
    // not JSON: fall through to the status line
  }
  return `The import failed (HTTP ${status}).`;
}

export function uploadImport(url: string, form: FormData, onState: (state: UploadState) => void): () => void {
  const request = new XMLHttpRequest();
  let consumed = 0;
  let finished = false;
  const readEvents = () => {
    const text = request.responseText;
    let newline = text.indexOf('\n', consumed);
    while (newline !== -1) {
      const event = JSON.parse(text.slice(consumed, newline)) as ImportEvent;
      consumed = newline + 1;
      newline = text.indexOf('\n', consumed);
      if (event.type === 'progress') {
        const { rowsRead, inserted, updated, rejected, phase } = event.progress;
        onState({ phase: 'importing', rowsRead, written: inserted + updated, rejected, indexing: phase === 'indexing' });
      } else if (event.type === 'summary') {
        finished = true;
        onState({ phase: 'done', summary: event.summary });
      } else {
        finished = true;
        onState({ phase: 'failed', message: event.error.message });
      }
    }
  };
  request.open('POST', url);
  request.setRequestHeader('Accept', 'application/x-ndjson');
  request.upload.onprogress = (event) => {
    if (event.lengthComputable) onState({ phase: 'uploading', share: event.loaded / event.total });
  };
  request.upload.onload = () => onState({ phase: 'importing', rowsRead: 0, written: 0, rejected: 0, indexing: false });
  request.onprogress = () => {
    if (request.status === 200) readEvents();
  };
  request.onload = () => {
    if (request.status !== 200) return onState({ phase: 'failed', message: failure(request.status, request.responseText) });
    readEvents();
    if (!finished) onState({ phase: 'failed', message: 'The import ended without a summary; check the server log.' });
  };
  request.onerror = () => onState({ phase: 'failed', message: 'The upload did not reach the server; check the connection and try again.' });
  request.send(form);
  return () => request.abort();
}
