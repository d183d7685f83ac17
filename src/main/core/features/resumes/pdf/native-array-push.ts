// Array.prototype.push as the engine ships it, read before pdf.js loads. pdf.js's legacy build (the
// one Node 20 needs) bundles a core-js polyfill that replaces push for the whole thread with a
// JavaScript version, because V8 on Node 20 does not throw when pushing onto an array whose length
// is read-only; pdfjs-runtime.ts puts the native one back. This module must be imported before
// pdfjs-dist anywhere in a thread, which pdfjs-runtime.ts's import order guarantees.
export const nativeArrayPush = Array.prototype.push;
