// The entry point: résumé text (pages of lines in reading order) → a JSON-Resume-shaped profile.
// Pure and deterministic: the same text, taxonomy and `now` always give the same profile.
import type { ExtractedProfile } from '../../../../../shared/schemas/resume-profile.js';
import { extractContact } from './contact.js';
import { yearsOfExperience } from './dates.js';
import { extractEducation, highestEducationLevel } from './education.js';
import { extractCertificates, extractLanguages } from './listed-items.js';
import { linesOf, splitSections } from './sections.js';
import { findSkills, type SkillMatcher } from './skills.js';
import { extractWorkHistory } from './work-history.js';

export interface ExtractProfileOptions {
  readonly skills: SkillMatcher;
  /** "Present" means this moment; passed in so results do not drift with the wall clock. */
  readonly now: Date;
}

const MAX_YEARS = 80;

/** Text from the PDF extraction: one string, or one per page. */
export function extractProfile(text: string | readonly string[], options: ExtractProfileOptions): ExtractedProfile {
  const fullText = typeof text === 'string' ? text : text.join('\n');
  const split = splitSections(fullText);
  const contact = extractContact([...split.header, ...linesOf(split, 'contact')]);
  const work = extractWorkHistory(linesOf(split, 'experience'));
  const educationLines = linesOf(split, 'education');
  const education = extractEducation(educationLines);
  const skills = findSkills(options.skills, fullText, linesOf(split, 'skills').join('\n'));
  const summary = linesOf(split, 'summary').join(' ');
  const website = contact.links.find((link) => link.network === 'Website');
  const [city, ...region] = (contact.location ?? '').split(/\s*,\s*/u);
  return {
    basics: {
      ...(contact.name === undefined ? {} : { name: contact.name }),
      ...(contact.emails[0] === undefined ? {} : { email: contact.emails[0] }),
      ...(contact.phones[0] === undefined ? {} : { phone: contact.phones[0] }),
      ...(website ? { url: website.url } : {}),
      ...(summary ? { summary } : {}),
      ...(contact.location === undefined
        ? {}
        : { location: { address: contact.location, ...(city ? { city } : {}), ...(region.length > 0 ? { region: region.join(', ') } : {}) } }),
      profiles: contact.links.filter((link) => link.network !== 'Website').map((link) => ({ ...link })),
      emails: contact.emails,
      phones: contact.phones,
    },
    work: work.map(({ range: _range, ...entry }) => entry),
    education: education.map((entry) => ({ ...entry })),
    skills,
    languages: extractLanguages(linesOf(split, 'languages')),
    certificates: extractCertificates(linesOf(split, 'certifications')),
    yearsOfExperience: Math.min(
      yearsOfExperience(
        work.map((entry) => entry.range),
        options.now,
      ),
      MAX_YEARS,
    ),
    educationLevel: highestEducationLevel(education),
  };
}
