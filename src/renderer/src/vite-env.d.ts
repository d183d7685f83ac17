// Vite's client types: `?url` imports (the pdf.js worker's URL) and import.meta.env.
/// <reference types="vite/client" />
