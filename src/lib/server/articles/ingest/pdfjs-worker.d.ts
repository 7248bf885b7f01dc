// pdf.js ships no types for its worker module; it is imported only for its side effect
// (it registers globalThis.pdfjsWorker, so pdf.js runs in-process under Node).
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs';
