// Shows a PDF with pdf.js: each page drawn on a canvas, the text layer left out (the extracted text
// is shown elsewhere). pdf.js and its worker load only when a PDF is first shown; eval is turned
// off so the app's Content-Security-Policy (no unsafe-eval) holds.
import { useEffect, useRef, useState } from 'react';
import { ErrorState, Loading } from './States';

const MAX_PAGES = 20;

export function PdfViewer({ data, label }: { data: Blob; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const [state, setState] = useState<{ status: 'loading' | 'ready' | 'error'; pages: number; message?: string }>({ status: 'loading', pages: 0 });

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | undefined;
    async function render() {
      const [pdfjs, worker] = await Promise.all([import('pdfjs-dist'), import('pdfjs-dist/build/pdf.worker.min.mjs?url')]);
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      const task = pdfjs.getDocument({ data: new Uint8Array(await data.arrayBuffer()), isEvalSupported: false });
      destroy = () => task.destroy();
      const pdf = await task.promise;
      const target = container.current;
      if (cancelled || !target) return;
      target.replaceChildren();
      const count = Math.min(pdf.numPages, MAX_PAGES);
      for (let n = 1; n <= count; n++) {
        const page = await pdf.getPage(n);
        if (cancelled) return;
        const width = Math.max(320, target.clientWidth - 16);
        const viewport = page.getViewport({ scale: width / page.getViewport({ scale: 1 }).width });
        const canvas = document.createElement('canvas');
        const ratio = window.devicePixelRatio || 1;
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        canvas.style.width = `${Math.floor(viewport.width)}px`;
        canvas.style.height = `${Math.floor(viewport.height)}px`;
        canvas.setAttribute('aria-hidden', 'true');
        target.appendChild(canvas);
        await page.render({ canvas, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise;
      }
      if (!cancelled) setState({ status: 'ready', pages: pdf.numPages });
    }
    setState({ status: 'loading', pages: 0 });
    render().catch((error: unknown) => {
      if (!cancelled) setState({ status: 'error', pages: 0, message: error instanceof Error ? error.message : String(error) });
    });
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [data]);

  return (
    <figure className="pdf-viewer" aria-label={label}>
      {state.status === 'loading' && <Loading label="Opening the PDF…" />}
      {state.status === 'error' && <ErrorState title="The PDF cannot be shown" message={state.message ?? ''} />}
      <div ref={container} className="pdf-pages" tabIndex={0} role="img" aria-label={`${label}: ${state.pages} page(s)`} />
      {state.pages > MAX_PAGES && <figcaption>Showing the first {MAX_PAGES} of {state.pages} pages.</figcaption>}
    </figure>
  );
}
