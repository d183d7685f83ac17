// Splits résumé text into sections by their headings ("Experience", "WORK HISTORY", "Education:"…).

export const SECTION_KINDS = [
  'summary',
  'experience',
  'education',
  'skills',
  'certifications',
  'languages',
  'projects',
  'contact',
  'other',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export interface Section {
  readonly kind: SectionKind;
  readonly heading: string;
  readonly lines: readonly string[];
}

export interface SplitResume {
  /** Lines before the first heading: usually name and contact details. */
  readonly header: readonly string[];
  readonly sections: readonly Section[];
}

// Headings in their common spellings (English, with a few Spanish/Portuguese/French forms).
const HEADINGS: Readonly<Record<Exclude<SectionKind, 'other'>, readonly string[]>> = {
  summary: ['summary', 'professional summary', 'profile', 'professional profile', 'about', 'about me', 'objective', 'career objective', 'overview', 'resumen', 'perfil', 'sobre mim', 'sobre mí', 'résumé', 'profil'],
  experience: ['experience', 'work experience', 'professional experience', 'work history', 'employment', 'employment history', 'career history', 'relevant experience', 'experiencia', 'experiencia laboral', 'experiência', 'experiência profissional', 'expérience', 'expérience professionnelle'],
  education: ['education', 'education and training', 'academic background', 'academic history', 'qualifications', 'educación', 'formación', 'formação', 'formação académica', 'formation'],
  skills: ['skills', 'technical skills', 'key skills', 'core skills', 'core competencies', 'competencies', 'skills and tools', 'tools', 'technologies', 'tech stack', 'expertise', 'habilidades', 'competencias', 'competências', 'compétences'],
  certifications: ['certifications', 'certificates', 'certification', 'licenses and certifications', 'licences and certifications', 'licenses', 'certificaciones', 'certificações'],
  languages: ['languages', 'language skills', 'idiomas', 'langues', 'sprachen'],
  projects: ['projects', 'personal projects', 'selected projects', 'side projects', 'proyectos', 'projetos', 'projets'],
  contact: ['contact', 'contact details', 'contact information', 'contacto', 'contato'],
};
const OTHER_HEADINGS = ['interests', 'hobbies', 'references', 'awards', 'honors', 'honours', 'publications', 'volunteering', 'volunteer experience', 'achievements'];

const HEADING_KIND: ReadonlyMap<string, SectionKind> = new Map([
  ...Object.entries(HEADINGS).flatMap(([kind, names]) => names.map((name) => [name, kind as SectionKind] as const)),
  ...OTHER_HEADINGS.map((name) => [name, 'other' as SectionKind] as const),
]);

/** The section a line introduces, when the line is a heading on its own. */
export function headingKind(line: string): SectionKind | undefined {
  const normalized = line
    .trim()
    .replace(/[:：]\s*$/u, '')
    .replace(/&/g, 'and')
    .replace(/\s+/g, ' ')
    .toLowerCase();
  if (normalized.length === 0 || normalized.length > 40) return undefined;
  return HEADING_KIND.get(normalized);
}

const INLINE_KINDS: ReadonlySet<SectionKind> = new Set(['skills', 'languages', 'certifications']);

function inlineHeading(line: string): { kind: SectionKind; heading: string; content: string } | undefined {
  const match = /^([^:：]{2,40})[:：]\s*(.+)$/u.exec(line);
  if (!match) return undefined;
  const kind = headingKind(match[1] ?? '');
  return kind && INLINE_KINDS.has(kind) ? { kind, heading: match[1] ?? '', content: match[2] ?? '' } : undefined;
}

/** Splits text into a header and headed sections, in order; a kind may appear more than once. */
export function splitSections(text: string): SplitResume {
  const header: string[] = [];
  const sections: { kind: SectionKind; heading: string; lines: string[] }[] = [];
  // True while only one-line sections were seen: later unheaded lines still belong to the header.
  let inlineOnly = false;
  for (const raw of text.split(/\r?\n|\f/)) {
    const line = raw.trim();
    if (line.length === 0) continue;
    const kind = headingKind(line);
    if (kind) {
      sections.push({ kind, heading: line, lines: [] });
      inlineOnly = false;
      continue;
    }
    const inline = inlineHeading(line);
    if (inline) {
      // "Skills: Go, SQL" is a section of its own line; what follows belongs to the enclosing one.
      const enclosing = inlineOnly ? undefined : sections.at(-1);
      sections.push({ kind: inline.kind, heading: inline.heading, lines: [inline.content] });
      if (enclosing) sections.push({ kind: enclosing.kind, heading: enclosing.heading, lines: [] });
      else inlineOnly = true;
      continue;
    }
    const current = inlineOnly ? undefined : sections.at(-1);
    if (current) current.lines.push(line);
    else header.push(line);
  }
  return { header, sections };
}

/** All lines of the sections of one kind, in order. */
export function linesOf(split: SplitResume, kind: SectionKind): string[] {
  return split.sections.filter((section) => section.kind === kind).flatMap((section) => [...section.lines]);
}

const BULLET_RE = /^\s*(?:[•·▪▫◦‣●○■□➢➤►▶✓✔∙]|[-*–—](?=\s))\s*/u;

/** Whether a line is a bullet item ("• Led…", "- Built…", "* Shipped…"). */
export function isBullet(line: string): boolean {
  return BULLET_RE.test(line);
}

/** A line without its bullet mark. */
export function stripBullet(line: string): string {
  return line.replace(BULLET_RE, '').trim();
}
