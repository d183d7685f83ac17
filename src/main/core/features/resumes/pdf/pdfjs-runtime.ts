// pdf.js as the text extractor runs it: its API and its "worker" loaded together in this thread
// (pdf.js then parses in the same thread instead of importing its worker module per document), with
// the engine's own Array.prototype.push restored after pdf.js's polyfill replaced it. That polyfill
// only fixes pushing onto a frozen-length array, which pdf.js never does, and costs about a tenth of
// the CPU of a parse: push is the hottest call in pdf.js's parser and in the profile extraction.
import { nativeArrayPush } from './native-array-push.js';
import { getDocument, PDFDateString, type PDFDocumentProxy } from 'pdfjs-dist/legacy/build/pdf.mjs';
// Evaluated for its effect: it sets globalThis.pdfjsWorker, which getDocument uses in-thread.
import 'pdfjs-dist/legacy/build/pdf.worker.mjs';

if (Array.prototype.push !== nativeArrayPush) Array.prototype.push = nativeArrayPush;

export { getDocument, PDFDateString, type PDFDocumentProxy };
