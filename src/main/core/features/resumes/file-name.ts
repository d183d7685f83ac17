// File names as they are stored and sent back: the last path part only, no control or bidi
// characters, at most 255 characters. Names come from other machines and are never trusted.

export const FILE_NAME_MAX = 255;
const FALLBACK_NAME = 'resume.pdf';

/** The name a file is stored under: never a path, never empty, never longer than 255 characters. */
export function sanitizeFileName(raw: string | undefined): string {
  const lastPart = (raw ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = lastPart
    .normalize('NFC')
    // Control and format characters (including bidi overrides that disguise an extension).
    .replace(/[\p{Cc}\p{Cf}]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim();
  if (cleaned === '' || /^\.+$/.test(cleaned)) return FALLBACK_NAME;
  const chars = [...cleaned];
  if (chars.length <= FILE_NAME_MAX) return cleaned;
  // Keep the extension when shortening, so "….pdf" stays a PDF name.
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 && cleaned.length - dot <= 10 ? cleaned.slice(dot) : '';
  return chars.slice(0, FILE_NAME_MAX - [...extension].length).join('') + extension;
}

/** A Content-Disposition value that every client reads safely: an ASCII fallback plus the UTF-8 name. */
export function contentDisposition(kind: 'inline' | 'attachment', fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, '_');
  return `${kind}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

/** The file name without its extension, for naming a candidate when the résumé gives no name. */
export function fileStem(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  const stem = (dot > 0 ? fileName.slice(0, dot) : fileName).replace(/[_-]+/g, ' ').trim();
  return stem || 'Unnamed candidate';
}
