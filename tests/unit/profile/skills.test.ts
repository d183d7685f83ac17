import { beforeAll, describe, expect, it } from 'vitest';
import { findSkills, type SkillMatcher } from '../../../src/main/core/features/resumes/profile/skills.js';
import { parseSkillsTaxonomy, loadSkillsTaxonomy } from '../../../src/main/core/features/resumes/profile/skills-taxonomy.js';
import { loadMatcher, TAXONOMY_PATH } from './resume-text-factory.js';

let matcher: SkillMatcher;
beforeAll(async () => {
  matcher = await loadMatcher();
});

const names = (text: string, skillsSection = '') => findSkills(matcher, text, skillsSection).map((skill) => skill.name);

describe('the skills taxonomy file', () => {
  it('holds at least 150 skills across many categories, each name given once', async () => {
    const taxonomy = await loadSkillsTaxonomy(TAXONOMY_PATH);
    expect(taxonomy.skills.length).toBeGreaterThanOrEqual(150);
    const categories = new Set(taxonomy.skills.map((skill) => skill.category));
    for (const category of ['software', 'data', 'design', 'product', 'sales', 'marketing', 'finance', 'hr', 'healthcare', 'language']) {
      expect(categories).toContain(category);
    }
  });

  it('rejects a taxonomy in which a name is given twice, for two skills or with another case', () => {
    const bad = {
      version: 1,
      skills: [
        { name: 'Go', category: 'software', synonyms: ['Golang'] },
        { name: 'Golang', category: 'software', synonyms: [] },
      ],
    };
    expect(() => parseSkillsTaxonomy(bad)).toThrow(/Golang/);
    const repeated = { version: 1, skills: [{ name: 'Kubernetes', category: 'devops', synonyms: ['k8s', 'K8S'] }] };
    expect(() => parseSkillsTaxonomy(repeated)).toThrow(/K8S/);
  });

  it('rejects a taxonomy that is not shaped like one', () => {
    expect(() => parseSkillsTaxonomy({ skills: 'nope' })).toThrow(/invalid/);
  });
});

describe('skills found in text', () => {
  it.each([
    ['Wrote services in JS and ECMAScript modules', 'JavaScript'],
    ['Ran workloads on k8s', 'Kubernetes'],
    ['Tuned Postgres queries', 'PostgreSQL'],
    ['Used psql daily', 'PostgreSQL'],
    ['Shipped ML models', 'Machine Learning'],
    ['Migrated to GCP', 'Google Cloud'],
    ['Built with Golang', 'Go'],
    ['Wrote C++ and C# code', 'C++'],
    ['Deployed on AWS Lambda', 'Amazon Web Services'],
  ])('maps a synonym: "%s" → %s', (text, skill) => {
    expect(names(text)).toContain(skill);
  });

  it('reports the canonical name once with every spelling seen', () => {
    const found = findSkills(matcher, 'Postgres, PostgreSQL and psql', '');
    expect(found).toEqual([{ name: 'PostgreSQL', category: 'data', keywords: ['PostgreSQL', 'Postgres', 'psql'] }]);
  });

  it('finds no skills in ordinary words that spell short skill names', () => {
    const prose = [
      'I like to go the extra mile and excel at R&D coordination.',
      'Rest assured: the rest of the team, in the spring, got a C grade on a swift sketch.',
      'Ready to learn; our express goal was to be lean. Polish the report.',
      'Node builders reacted well; go-to person for tax questions.',
    ].join('\n');
    expect(names(prose)).toEqual([]);
  });

  it('does not read "C" inside "C++" or "C#", nor "React" inside "React Native"', () => {
    expect(names('C++ and C#', 'C++, C#')).toEqual(['C#', 'C++']);
    expect(names('Apps in React Native')).toEqual(['React Native']);
  });

  it('accepts short ambiguous names in the skills section or as items of a comma-separated list', () => {
    expect(names('', 'Go, R, C, Excel')).toEqual(['C', 'Go', 'Microsoft Excel', 'R']);
    expect(names('Stack: Python, Go, Rust')).toEqual(['Go', 'Python', 'Rust']);
  });

  it('matches case-insensitively for unambiguous names and only with the given spelling for ambiguous ones', () => {
    expect(names('PYTHON and kubernetes')).toEqual(['Kubernetes', 'Python']);
    expect(names('', 'go, r')).toEqual([]);
  });

  it('matches exact-case names only with their spelling, so everyday lower-case words do not count', () => {
    expect(names('Had to react quickly; administered 5 ml doses; cleaned each flask; measured angular momentum.')).toEqual([]);
    expect(names('Shipped ML features in React and Angular')).toEqual(['Angular', 'Machine Learning', 'React']);
  });

  it('leaves spoken languages to the languages section', () => {
    expect(names('Fluent in English and Spanish')).toEqual([]);
  });
});
