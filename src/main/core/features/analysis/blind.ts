// Blind mode: personal details are removed from résumé text before it leaves the machine (or is
// shown to a reviewer who should judge the work, not the person). Each kind of detail is replaced
// by a neutral placeholder such as "[name]", and the kinds removed are reported. The skills and the
// work itself stay as written.
import type { ExtractedProfile } from '../../../../shared/schemas/resume-profile.js';

export const REDACTION_KINDS = ['name', 'email', 'phone', 'address', 'link', 'photo', 'age', 'gender', 'marital', 'nationality'] as const;
export type RedactionKind = (typeof REDACTION_KINDS)[number];

export interface RedactedText {
  readonly text: string;
  /** The kinds of detail found and removed, in REDACTION_KINDS order. */
  readonly removed: readonly RedactionKind[];
}

const PLACEHOLDER: Readonly<Record<RedactionKind, string>> = {
  name: '[name]',
  email: '[email]',
  phone: '[phone]',
  address: '[address]',
  link: '[link]',
  photo: '[photo]',
  age: '[age]',
  gender: '[gender]',
  marital: '[marital status]',
  nationality: '[nationality]',
};

// A labelled personal field ("Date of birth: 1 May 1990") goes whole, label included, up to the
// end of its line, field separator or sentence. The label must start a word: "Coverage: 95%" is
// not an age.
const LABELLED_FIELDS: readonly (readonly [RedactionKind, RegExp])[] = [
  ['age', /(?<![\p{L}])(?:date of birth|birth ?date|d\.?o\.?b\.?|born|age|fecha de nacimiento|data de nascimento|edad|idade)\s*[:：](?:[^\n|•;.]|\.(?!\s|$))*/gimu],
  ['gender', /(?<![\p{L}])(?:gender|sex|sexo|género|pronouns)\s*[:：](?:[^\n|•;.]|\.(?!\s|$))*/gimu],
  ['marital', /(?<![\p{L}])(?:marital status|civil status|estado civil|family status|children|dependants|dependents|religion)\s*[:：](?:[^\n|•;.]|\.(?!\s|$))*/gimu],
  ['nationality', /(?<![\p{L}])(?:nationality|citizenship|nacionalidad|nacionalidade|place of birth|visa status)\s*[:：](?:[^\n|•;.]|\.(?!\s|$))*/gimu],
  ['photo', /(?<![\p{L}])(?:photo|photograph|headshot|picture|foto)\s*[:：](?:[^\n|•;.]|\.(?!\s|$))*/gimu],
  ['address', /(?<![\p{L}])(?:address|home address|street|dirección|morada|endereço|location)\s*[:：](?:[^\n|•;.]|\.(?!\s|$))*/gimu],
];

const EMAIL_RE = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.\p{L}{2,}/gu;
// Links with a scheme or www., and profile links on networks that carry the person's name.
const LINK_RE =
  /\b(?:https?:\/\/[^\s|,;•]+|www\.[^\s|,;•]+|(?:[a-z]{2,3}\.)?(?:linkedin\.com|github\.com|gitlab\.com|twitter\.com|x\.com|facebook\.com|instagram\.com|behance\.net|dribbble\.com|medium\.com|stackoverflow\.com)\/[^\s|,;•]*)/giu;
const PHOTO_RE = /\[(?:photo|picture|image|headshot)[^\]]*\]|\b[\w-]+\.(?:jpe?g|png|heic|webp)\b/giu;
const AGE_RE = /\b(?:aged?\s+\d{2}|\d{2}\s*(?:years|yrs)\s*old|born (?:in|on)\s+[^\n,.;|]*\d{4})\b/giu;
const TITLE_RE = /\b(?:Mr|Mrs|Ms|Miss|Mx|Sr|Sra|Srta)\.?(?=\s+\p{Lu})/gu;
const GENDER_WORD_RE = /(?<![\p{L}])(?:male|female|man|woman)(?![\p{L}-])(?=\s*(?:$|[|,;•\n]))/gimu;
const PRONOUN_SET_RE = /\(?\b(?:she\/her(?:\/hers)?|he\/him(?:\/his)?|they\/them)\b\)?/giu;
const PRONOUN_RE = /\b(?:he|she|him|his|her|hers|himself|herself)\b/giu;
const MARITAL_RE = /\b(?:married|divorced|widow(?:ed|er)?|single parent|(?:mother|father) of (?:one|two|three|four|\d+)|\d+ (?:children|kids))\b/giu;
const NATIONALITY_RE = /\b\p{Lu}\p{Ll}+ (?:national|citizen)\b|\b(?:dual )?citizen of [\p{Lu}][\p{L} ]+/gu;
const STREET_RE =
  /\b\d{1,5}[a-z]?,?\s+(?:[\p{Lu}][\p{L}'’.-]*\s+){1,4}(?:Street|St\.?|Avenue|Ave\.?|Road|Rd\.?|Lane|Ln\.?|Boulevard|Blvd\.?|Drive|Dr\.?|Way|Court|Ct\.?|Place|Square)(?![\p{L}])[^\n|•]*|\b(?:Calle|Rua|Avenida|Av\.|Rue|Via|Straße|Strasse)\s+[^\n|•]*/gu;
const PHONE_RE = /(?<![\p{L}\p{N}])(?:\+\d{1,3}[\s.-]?)?(?:\(\d{1,4}\)[\s.-]?)?\d{2,4}(?:[\s.-]?\d{2,5}){1,4}(?![\p{L}\p{N}])/gu;

const NAME_PARTICLES = new Set(['de', 'da', 'das', 'do', 'dos', 'del', 'della', 'di', 'la', 'le', 'van', 'von', 'der', 'den', 'y', 'e', 'bin', 'al']);

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&');
}

function foldAccents(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}+/gu, '').normalize('NFC');
}

function digitCount(text: string): number {
  return (text.match(/\d/gu) ?? []).length;
}

/** A run of digits that reads as a phone number, not a year range, an amount or a count. */
function looksLikePhone(match: string): boolean {
  const digits = digitCount(match);
  if (digits < 9 || digits > 15) return false;
  if (/^\d{4}\s*[-–]\s*\d{4}$/u.test(match.trim())) return false;
  return match.trim().startsWith('+') || /[\s.()-]/u.test(match.trim());
}

/**
 * The full name (any case) and its parts (hyphenated ones too), each with and without accents.
 * Parts match only as written or in capitals: a surname such as "Page" must not take "page load".
 */
function nameVariants(name: string | undefined): { full: string[]; parts: string[] } {
  if (!name) return { full: [], parts: [] };
  const withFolded = (variants: readonly string[]) => [...new Set(variants.flatMap((variant) => [variant, foldAccents(variant)]))];
  const pieces = name
    .split(/[\s-]+/u)
    .map((part) => part.replace(/[.,]/gu, ''))
    .filter((part) => part.length >= 2 && !NAME_PARTICLES.has(part.toLowerCase()));
  const hyphenated = name.split(/\s+/u).filter((part) => part.includes('-'));
  const parts = withFolded([...hyphenated, ...pieces]).flatMap((part) => [part, part.toUpperCase()]);
  return { full: withFolded([name]), parts: [...new Set(parts)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1)) };
}

export function redactPersonalDetails(text: string, profile: ExtractedProfile): RedactedText {
  const removed = new Set<RedactionKind>();
  let out = text.normalize('NFC');
  const replace = (kind: RedactionKind, pattern: RegExp, keep: (match: string) => boolean = () => true) => {
    out = out.replace(pattern, (match) => {
      if (!keep(match)) return match;
      removed.add(kind);
      return PLACEHOLDER[kind];
    });
  };
  const replaceLiteral = (kind: RedactionKind, literal: string | undefined, wholeWord = false, ignoreCase = true) => {
    if (!literal || literal.trim().length < 2) return;
    const body = escapeRegExp(literal.normalize('NFC'));
    replace(kind, new RegExp(wholeWord ? `(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])` : body, ignoreCase ? 'giu' : 'gu'));
  };
  // Links and e-mails first: they often contain the name, which must not be half-replaced in them.
  for (const link of profile.basics.profiles) replaceLiteral('link', link.url);
  replaceLiteral('link', profile.basics.url);
  replace('link', LINK_RE);
  for (const email of profile.basics.emails) replaceLiteral('email', email);
  replace('email', EMAIL_RE);
  for (const [kind, pattern] of LABELLED_FIELDS) replace(kind, pattern);
  replace('photo', PHOTO_RE);
  replace('age', AGE_RE);
  replace('gender', PRONOUN_SET_RE);
  replace('gender', TITLE_RE);
  replace('gender', GENDER_WORD_RE);
  replace('marital', MARITAL_RE);
  replace('nationality', NATIONALITY_RE);
  const names = nameVariants(profile.basics.name);
  for (const variant of names.full) replaceLiteral('name', variant, true);
  for (const variant of names.parts) replaceLiteral('name', variant, true, false);
  for (const phone of profile.basics.phones) replaceLiteral('phone', phone);
  replace('phone', PHONE_RE, looksLikePhone);
  replace('address', STREET_RE);
  replaceLiteral('address', profile.basics.location?.address, true);
  // Third-person pronouns become neutral ones: the grammar may suffer ("their" for "her"), the
  // meaning does not.
  out = out.replace(PRONOUN_RE, (match) => {
    removed.add('gender');
    const neutral: Record<string, string> = { he: 'they', she: 'they', him: 'them', his: 'their', her: 'their', hers: 'theirs', himself: 'themselves', herself: 'themselves' };
    const replacement = neutral[match.toLowerCase()] ?? 'they';
    return match[0] === match[0]?.toUpperCase() ? replacement[0]?.toUpperCase() + replacement.slice(1) : replacement;
  });
  return { text: out, removed: REDACTION_KINDS.filter((kind) => removed.has(kind)) };
}
