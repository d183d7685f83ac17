// Contact details from the top of a résumé (and its contact section): name, e-mails, phones,
// location and profile links.
import { findDateRanges } from './dates.js';
import { headingKind } from './sections.js';

export interface ContactLink {
  readonly network: string;
  readonly url: string;
  readonly username?: string;
}

export interface Contact {
  readonly name?: string;
  readonly emails: string[];
  readonly phones: string[];
  readonly location?: string;
  readonly links: ContactLink[];
}

const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
const URL_RE = /\b(?:https?:\/\/)?(?:www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s|,;•·]*)?/giu;
const PHONE_RE = /(?<![\p{L}\p{N}])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,4}){1,4}(?![\p{L}\p{N}])/gu;
const LABEL_RE = /^(?:e-?mail|phone|tel|telephone|mobile|cell|móvil|telemóvel|location|address|linkedin|github|website|web|portfolio)\s*[:：]\s*/iu;
const PIECE_SPLIT_RE = /\s*(?:[|•·◦▪]|\s{3,}|\t)\s*/u;
const NETWORKS: readonly (readonly [RegExp, string])[] = [
  [/linkedin\.com$/i, 'LinkedIn'],
  [/github\.com$/i, 'GitHub'],
  [/gitlab\.com$/i, 'GitLab'],
  [/(?:twitter|x)\.com$/i, 'Twitter'],
  [/behance\.net$/i, 'Behance'],
  [/dribbble\.com$/i, 'Dribbble'],
  [/stackoverflow\.com$/i, 'Stack Overflow'],
];

/** Splits contact lines into pieces ("a@b.com | +1 555 0100 | Lisbon, Portugal"). */
function piecesOf(lines: readonly string[]): string[] {
  return lines.flatMap((line) => line.split(PIECE_SPLIT_RE)).map((piece) => piece.replace(LABEL_RE, '').trim()).filter(Boolean);
}

function uniq(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function normalizeUrl(raw: string): string {
  const trimmed = raw.replace(/[.)]+$/u, '');
  return /^https?:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`;
}

function linkOf(url: string): ContactLink {
  const parsed = new URL(url);
  const host = parsed.hostname.replace(/^www\./i, '');
  const network = NETWORKS.find(([pattern]) => pattern.test(host))?.[1] ?? 'Website';
  const segments = parsed.pathname.split('/').filter(Boolean);
  const username = network === 'Website' ? undefined : segments.at(network === 'LinkedIn' ? 1 : 0);
  return username ? { network, url, username } : { network, url };
}

function findPhones(piece: string): string[] {
  if (findDateRanges(piece).length > 0) return [];
  return [...piece.matchAll(PHONE_RE)]
    .map((match) => match[0].trim())
    .filter((phone) => {
      const digits = phone.replace(/\D/g, '').length;
      // A bare year or a run of digits without separators is not a phone.
      return digits >= 7 && digits <= 15 && (/[\s.()+-]/.test(phone) || digits >= 9);
    });
}

function looksLikeName(piece: string): boolean {
  if (headingKind(piece) || /[\d@/:,]/.test(piece)) return false;
  const words = piece.split(/\s+/);
  if (words.length < 1 || words.length > 5) return false;
  // Each word starts with a capital letter (Unicode-aware): "José Álvarez-Núñez", "Zoë Ørsted",
  // allowing particles such as "van", "de", "da".
  return words.every((word) => /^\p{Lu}[\p{L}'’.-]*$/u.test(word) || /^(?:van|von|de|da|del|der|di|du|la|le|dos|das|y|e)$/u.test(word));
}

// Post-nominal letters after a name ("Mary O'Neil, RN", "Ana Costa, PhD, PMP") are not part of it.
const CREDENTIALS_RE =
  /(?:,\s*(?:RN|LPN|NP|CNA|MD|M\.D\.|DO|DDS|PharmD|PhD|Ph\.D\.|MBA|MSc|BSc|MA|BA|CPA|CFA|ACCA|PMP|PE|CISSP|SHRM-CP|SPHR|Esq\.?|Jr\.?|Sr\.?|II|III))+$/u;

const LOCATION_RE = /^\p{Lu}[\p{L}'’. -]+,\s*\p{Lu}[\p{L}'’. -]+(?:,\s*\p{Lu}[\p{L}'’. -]+)?$/u;

function looksLikeLocation(piece: string): boolean {
  return LOCATION_RE.test(piece) && piece.length <= 80;
}

/**
 * Contact details from the lines before the first heading plus any contact section. The name is
 * the first piece that looks like a name (not an e-mail, phone, URL or heading).
 */
export function extractContact(lines: readonly string[]): Contact {
  const pieces = piecesOf(lines);
  const emails: string[] = [];
  const phones: string[] = [];
  const urls: string[] = [];
  let name: string | undefined;
  let location: string | undefined;
  for (const piece of pieces) {
    const pieceEmails = piece.match(EMAIL_RE) ?? [];
    emails.push(...pieceEmails.map((email) => email.toLowerCase()));
    const rest = pieceEmails.reduce((text, email) => text.replace(email, ' '), piece);
    const pieceUrls = [...rest.matchAll(URL_RE)].map((match) => match[0]).filter((url) => /[a-z]/i.test(url.replace(/\.[a-z]+$/i, '')));
    urls.push(...pieceUrls.map(normalizeUrl));
    const bare = pieceUrls.reduce((text, url) => text.replace(url, ' '), rest).trim();
    const piecePhones = findPhones(bare);
    phones.push(...piecePhones);
    if (pieceEmails.length > 0 || pieceUrls.length > 0 || piecePhones.length > 0) continue;
    const withoutCredentials = bare.replace(CREDENTIALS_RE, '');
    if (name === undefined && looksLikeName(withoutCredentials)) name = withoutCredentials;
    else if (location === undefined && looksLikeLocation(bare)) location = bare;
  }
  const links = uniq(urls).flatMap((url) => {
    try {
      return [linkOf(url)];
    } catch {
      // Text that only looked like a URL is left out rather than reported as a link.
      return [];
    }
  });
  return {
    ...(name === undefined ? {} : { name }),
    emails: uniq(emails),
    phones: uniq(phones),
    ...(location === undefined ? {} : { location }),
    links,
  };
}
