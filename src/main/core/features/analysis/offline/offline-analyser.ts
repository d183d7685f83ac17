// The `mock` provider: a real, deterministic, offline analyser. From the résumé text and its
// extracted profile (and optionally a job) it fills the same AnalysisResult the LLM providers do.
// Same input, same output: no clock, no randomness, no state kept between calls.
import type { AnalysisResult, EvidencedPoint, JobMatch } from '../../../../../shared/schemas/analysis.js';
import type { ExtractedProfile } from '../../../../../shared/schemas/resume-profile.js';
import type { SkillsTaxonomy } from '../../resumes/profile/skills-taxonomy.js';
import { compileSkillMatcher, type SkillMatcher } from '../../resumes/profile/skills.js';
import { bm25Similarity, buildCorpusStats, type CorpusStats } from './bm25.js';
import { readJobRequirements, type JobRequirements, type JobSkill, type OfflineJob } from './job-requirements.js';
import { quoteContaining, quoteContainingAll, quoteForSkill, resumeLines, type ResumeLines } from './resume-quotes.js';
import {
  clampScore,
  compatibilityScore,
  educationFit,
  educationScore,
  experienceFit,
  overallScore,
  similarityFit,
  skillBreadthScore,
  verdictOf,
} from './scoring.js';
import { findSoftSkills, softSkillScore, type SoftSkillFound } from './soft-skills.js';
import { foldText, termBag, type TermBag } from './terms.js';

export interface OfflineResume {
  readonly resumeText: string;
  readonly profile: ExtractedProfile;
}

export interface OfflineAnalysisInput extends OfflineResume {
  /** A job, or the requirements `readJob` already read from it (cheaper when ranking many). */
  readonly job?: OfflineJob | JobRequirements;
  /** Statistics of the résumés being ranked together; without them every term weighs the same. */
  readonly corpus?: CorpusStats;
}

export interface OfflineAnalyser {
  readonly matcher: SkillMatcher;
  analyze(input: OfflineAnalysisInput): AnalysisResult;
  readJob(job: OfflineJob): JobRequirements;
  /** BM25 corpus statistics over the résumés to be ranked for one job. */
  corpusOf(resumes: readonly OfflineResume[]): CorpusStats;
}

const MAX_STRENGTHS = 8;
const MAX_CONCERNS = 8;
const MAX_SKILLS = 100;

const LEVEL_WORDS: Readonly<Record<ExtractedProfile['educationLevel'], string>> = {
  none: 'no degree found',
  high_school: 'a high-school diploma',
  associate: 'an associate degree',
  bachelor: "a bachelor's degree",
  master: "a master's degree",
  doctorate: 'a doctorate',
};

function resumeBag(resume: OfflineResume): TermBag {
  return termBag(resume.resumeText, resume.profile.skills.map((skill) => skill.name));
}

/** A canonical skill by the profile's skills; a skill the taxonomy lacks by its folded spelling. */
function skillChecker(resume: OfflineResume): (skill: JobSkill) => boolean {
  const skillSet = new Set(resume.profile.skills.map((skill) => skill.name));
  let folded: string | undefined;
  return (skill) => {
    if (skill.canonical) return skillSet.has(skill.name);
    folded ??= foldText(resume.resumeText);
    return folded.includes(foldText(skill.name));
  };
}

function fraction(part: number, whole: number, whenEmpty: number): number {
  return whole === 0 ? whenEmpty : part / whole;
}

function yearsText(years: number): string {
  return `${years} year${years === 1 ? '' : 's'}`;
}

interface Evidence {
  readonly lines: ResumeLines;
  readonly soft: readonly SoftSkillFound[];
}

function skillStrengths(matcher: SkillMatcher, evidence: Evidence, skills: readonly string[], label: string): EvidencedPoint[] {
  return skills.flatMap((skill) => {
    const quote = quoteForSkill(matcher, evidence.lines, skill);
    return quote === undefined ? [] : [{ point: `${label}: ${skill}`, evidence: quote }];
  });
}

function experienceStrength(profile: ExtractedProfile, evidence: Evidence, yearsRequired: number | undefined): EvidencedPoint[] {
  const years = profile.yearsOfExperience;
  if (years <= 0 || (yearsRequired !== undefined && years < yearsRequired)) return [];
  const latest = profile.work[0];
  // The line naming both the latest position and its employer is the job's own line, not a headline.
  const quote = latest?.position
    ? (latest.name ? quoteContainingAll(evidence.lines, [latest.position, latest.name]) : undefined) ?? quoteContaining(evidence.lines, latest.position)
    : undefined;
  if (quote === undefined) return [];
  const against = yearsRequired === undefined ? '' : ` (the job asks for ${yearsText(yearsRequired)})`;
  return [{ point: `${yearsText(years)} of dated work experience${against}`, evidence: quote }];
}

function educationStrength(profile: ExtractedProfile, evidence: Evidence): EvidencedPoint[] {
  const degree = profile.education.find((entry) => entry.level === profile.educationLevel);
  const quote = degree ? quoteContaining(evidence.lines, degree.studyType) : undefined;
  return degree && quote !== undefined ? [{ point: `Holds ${LEVEL_WORDS[profile.educationLevel]}`, evidence: quote }] : [];
}

function softStrengths(evidence: Evidence): EvidencedPoint[] {
  return evidence.soft.slice(0, 3).map((found) => ({ point: `Shows ${found.name}`, evidence: found.quote }));
}

function matchJob(
  analyser: { matcher: SkillMatcher },
  resume: OfflineResume,
  requirements: JobRequirements,
  corpus: CorpusStats | undefined,
  evidence: Evidence,
  softScore: number,
) {
  const { profile } = resume;
  const hasSkill = skillChecker(resume);
  const matchedRequired = requirements.required.filter(hasSkill);
  const missingRequired = requirements.required.filter((skill) => !hasSkill(skill));
  const matchedNice = requirements.niceToHave.filter(hasSkill);
  const requiredCoverage = fraction(matchedRequired.length, requirements.required.length, 1);
  const similarity = similarityFit(bm25Similarity(requirements.query, resumeBag(resume), corpus));
  const fits = {
    requiredSkills: requirements.required.length === 0 ? similarity : requiredCoverage,
    niceToHaveSkills: fraction(matchedNice.length, requirements.niceToHave.length, requiredCoverage),
    textSimilarity: similarity,
    experience: experienceFit(profile.yearsOfExperience, requirements.yearsRequired),
    education: educationFit(profile.educationLevel, requirements.educationRequired),
    soft: softScore / 100,
  };
  const compatibility = compatibilityScore(fits);
  const verdict = verdictOf(compatibility, requiredCoverage);
  const names = (skills: readonly JobSkill[]) => skills.map((skill) => skill.name).slice(0, MAX_SKILLS);
  const title = requirements.title || 'the job';
  const summary =
    `${verdict[0]?.toUpperCase()}${verdict.slice(1)} fit for ${title} (compatibility ${compatibility}/100): ` +
    `${matchedRequired.length} of ${requirements.required.length} required skills` +
    (missingRequired.length > 0 ? ` (missing ${names(missingRequired).slice(0, 5).join(', ')})` : '') +
    `, ${matchedNice.length} of ${requirements.niceToHave.length} nice-to-haves, ` +
    `${yearsText(profile.yearsOfExperience)} of experience` +
    (requirements.yearsRequired === undefined ? '' : ` against ${yearsText(requirements.yearsRequired)} asked`) +
    `, text similarity ${Math.round(similarity * 100)}%.`;
  const jobMatch: JobMatch = {
    compatibility,
    matchedRequiredSkills: names(matchedRequired),
    missingRequiredSkills: names(missingRequired),
    matchedNiceToHaveSkills: names(matchedNice),
    verdict,
    summary,
  };
  const concerns: EvidencedPoint[] = [
    // Absence cannot be quoted from the résumé: these concerns carry empty evidence (see evidence.ts).
    ...missingRequired.map((skill) => ({ point: `Required skill not found: ${skill.name}`, evidence: '' })),
    ...(requirements.yearsRequired !== undefined && profile.yearsOfExperience < requirements.yearsRequired
      ? [{ point: `${yearsText(profile.yearsOfExperience)} of dated experience; the job asks for ${yearsText(requirements.yearsRequired)}`, evidence: '' }]
      : []),
    ...(requirements.educationRequired !== undefined && fits.education < 1
      ? [{ point: `Education (${LEVEL_WORDS[profile.educationLevel]}) is below the degree the job asks for`, evidence: '' }]
      : []),
  ];
  const strengths = [
    ...skillStrengths(analyser.matcher, evidence, names(matchedRequired), 'Has a required skill'),
    ...skillStrengths(analyser.matcher, evidence, names(matchedNice).slice(0, 2), 'Has a nice-to-have skill'),
    ...experienceStrength(profile, evidence, requirements.yearsRequired),
  ];
  const technical = clampScore(100 * (0.7 * fits.requiredSkills + 0.3 * fits.niceToHaveSkills));
  const experience = clampScore(100 * fits.experience);
  const education = clampScore(100 * fits.education);
  return { jobMatch, concerns, strengths, technical, experience, education };
}

export function createOfflineAnalyser({ taxonomy }: { taxonomy: SkillsTaxonomy }): OfflineAnalyser {
  const matcher = compileSkillMatcher(taxonomy);
  const readJob = (job: OfflineJob) => readJobRequirements(matcher, job);

  function analyze(input: OfflineAnalysisInput): AnalysisResult {
    const { profile } = input;
    const lines = resumeLines(input.resumeText);
    const evidence: Evidence = { lines, soft: findSoftSkills(lines) };
    const soft = softSkillScore(evidence.soft);
    const skills = profile.skills.map((skill) => skill.name).slice(0, MAX_SKILLS);
    const general = {
      technical: skillBreadthScore(skills.length),
      experience: clampScore(100 * experienceFit(profile.yearsOfExperience, undefined)),
      education: educationScore(profile.educationLevel),
    };
    const requirements = input.job === undefined ? undefined : 'kind' in input.job ? input.job : readJob(input.job);
    const matched = requirements ? matchJob({ matcher }, input, requirements, input.corpus, evidence, soft) : undefined;
    const scoresBase = matched
      ? { technical: matched.technical, experience: matched.experience, education: matched.education, soft }
      : { ...general, soft };
    const strengths = [
      ...(matched?.strengths ?? [...skillStrengths(matcher, evidence, skills.slice(0, 3), 'Skilled in'), ...experienceStrength(profile, evidence, undefined)]),
      ...educationStrength(profile, evidence),
      ...softStrengths(evidence),
    ].slice(0, MAX_STRENGTHS);
    const concerns = [
      ...(matched?.concerns ?? []),
      ...(profile.work.length === 0 ? [{ point: 'No dated work history was found', evidence: '' }] : []),
      ...(skills.length === 0 ? [{ point: 'No skills from the taxonomy were found', evidence: '' }] : []),
    ].slice(0, MAX_CONCERNS);
    const summary =
      `${skills.length} skill${skills.length === 1 ? '' : 's'} found` +
      (skills.length > 0 ? ` (${skills.slice(0, 6).join(', ')}${skills.length > 6 ? '…' : ''})` : '') +
      `; ${yearsText(profile.yearsOfExperience)} of dated experience; ${LEVEL_WORDS[profile.educationLevel]}.` +
      (matched ? ` ${matched.jobMatch.summary}` : '');
    return {
      scores: { ...scoresBase, overall: overallScore(scoresBase) },
      skills,
      yearsOfExperience: profile.yearsOfExperience,
      educationLevel: profile.educationLevel,
      strengths,
      concerns,
      summary,
      ...(matched ? { jobMatch: matched.jobMatch } : {}),
    };
  }

  return {
    matcher,
    analyze,
    readJob,
    corpusOf: (resumes) => buildCorpusStats(resumes.map(resumeBag)),
  };
}
