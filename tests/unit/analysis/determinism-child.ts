// Run in a separate process by offline-analyser.test.ts: analyses three résumés in the order given
// by argv and prints the results keyed by résumé, so the parent can compare two orders.
import { generateLabelledSet } from '../../support/labelled-set.js';
import { loadAnalyser, profileOf } from './analysis-fixtures.js';

const analyser = await loadAnalyser();
const set = generateLabelledSet({ resumesPerFamily: 1 });
const job = set.families.find((family) => family.id === 'devops')?.job;
const picked = set.resumes.filter((resume) => ['devops', 'nursing', 'frontend'].includes(resume.family));
const ordered = process.argv[2] === 'backward' ? [...picked].reverse() : picked;
const results: Record<string, unknown> = {};
for (const resume of ordered) {
  results[resume.family] = analyser.analyze({ resumeText: resume.text, profile: profileOf(analyser, resume.text), ...(job ? { job } : {}) });
}
const sorted = Object.fromEntries(Object.keys(results).sort().map((key) => [key, results[key]]));
process.stdout.write(JSON.stringify(sorted));
