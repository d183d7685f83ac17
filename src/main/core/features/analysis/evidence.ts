// Model output is untrusted: before any provider's result is stored, every quote and every skill it
// claims is checked against the résumé, and what fails is dropped and counted.
//
// The rules:
// - a strength needs evidence found in the résumé; one with empty or unfound evidence is dropped;
// - a concern may have empty evidence (an absence, such as a missing required skill, cannot be
//   quoted), but non-empty evidence must be found, or the concern is dropped;
// - "found" means: after folding case, whitespace, quote marks and dashes, the quote is a substring
//   of the résumé; a quote elided with "..." or "…" is found when its parts occur in order;
// - a listed skill (`skills`, matched required and nice-to-have skills) must be named in the résumé,
//   literally or through a taxonomy synonym; a matched required skill that is not becomes missing.
import type { AnalysisResult, EvidenceChecks, EvidencedPoint } from '../../../../shared/schemas/analysis.js';
import { findSkills, type SkillMatcher } from '../resumes/profile/skills.js';

export interface VerifiedResult {
  readonly result: AnalysisResult;
  readonly checks: EvidenceChecks;
}

/** Folds what quoting changes without changing meaning: case, spacing, quote marks, dashes, bullets. */
export function normaliseQuote(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’‚‛′`´]/gu, "'")
    .replace(/[“”„‟″«»]/gu, '"')
    .replace(/[‐‑‒–—―−]/gu, '-')
    .replace(/[•·▪◦●]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .trim()
    .toLowerCase();
}

const ELLIPSIS = /\s*(?:\.\.\.|…)\s*/u;
// Quote marks or an ellipsis a model wraps around a quote are not part of it.
const WRAPPING = /^["'\s]+|["'\s]+$/gu;

/** Whether the quote occurs in the (normalised) résumé; an elided quote's parts must occur in order. */
export function quoteOccurs(quote: string, normalisedResume: string): boolean {
  const parts = normaliseQuote(quote)
    .replace(WRAPPING, '')
    .split(ELLIPSIS)
    .map((part) => part.replace(WRAPPING, ''))
    .filter((part) => part.length > 0);
  if (parts.length === 0) return false;
  let from = 0;
  for (const part of parts) {
    const at = normalisedResume.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

function isWordChar(char: string | undefined): boolean {
  return char !== undefined && /[\p{L}\p{N}+#]/u.test(char);
}

function namedLiterally(skill: string, normalisedResume: string): boolean {
  const needle = normaliseQuote(skill);
  if (!needle) return false;
  for (let at = normalisedResume.indexOf(needle); at >= 0; at = normalisedResume.indexOf(needle, at + 1)) {
    if (!isWordChar(normalisedResume[at - 1]) && !isWordChar(normalisedResume[at + needle.length])) return true;
  }
  return false;
}

export function verifyClaims(result: AnalysisResult, resumeText: string, matcher: SkillMatcher): VerifiedResult {
  const normalisedResume = normaliseQuote(resumeText);
  // The whole résumé counts as a skills section here: a claim is checked, not discovered.
  const resumeSkills = new Set(findSkills(matcher, resumeText, resumeText).map((skill) => skill.name));
  const skillNamed = (skill: string): boolean => {
    const canonical = findSkills(matcher, skill, skill).map((found) => found.name);
    return canonical.some((name) => resumeSkills.has(name)) || namedLiterally(skill, normalisedResume);
  };
  let droppedEvidence = 0;
  let droppedSkills = 0;
  const keepPoints = (points: readonly EvidencedPoint[], emptyAllowed: boolean) =>
    points.filter((point) => {
      const ok = point.evidence.trim() === '' ? emptyAllowed : quoteOccurs(point.evidence, normalisedResume);
      if (!ok) droppedEvidence++;
      return ok;
    });
  const keepSkills = (skills: readonly string[]) => {
    const kept: string[] = [];
    const dropped: string[] = [];
    for (const skill of skills) (skillNamed(skill) ? kept : dropped).push(skill);
    droppedSkills += dropped.length;
    return { kept, dropped };
  };
  const strengths = keepPoints(result.strengths, false);
  const concerns = keepPoints(result.concerns, true);
  const skills = keepSkills(result.skills).kept;
  let jobMatch = result.jobMatch;
  if (jobMatch) {
    const required = keepSkills(jobMatch.matchedRequiredSkills);
    const nice = keepSkills(jobMatch.matchedNiceToHaveSkills);
    const missing = [...jobMatch.missingRequiredSkills];
    for (const skill of required.dropped) if (!missing.includes(skill) && missing.length < 200) missing.push(skill);
    jobMatch = { ...jobMatch, matchedRequiredSkills: required.kept, matchedNiceToHaveSkills: nice.kept, missingRequiredSkills: missing };
  }
  return {
    result: { ...result, strengths, concerns, skills, ...(jobMatch ? { jobMatch } : {}) },
    checks: { droppedEvidence, droppedSkills },
  };
}
