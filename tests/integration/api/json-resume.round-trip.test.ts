// The JSON Resume mapping is idempotent: whatever document comes in, exporting what was imported,
// importing that export and exporting again changes nothing. A property test over generated
// documents, on the pure mapping (the API round trip is in json-resume.import-export.test.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { candidateFromJsonResume, jsonResumeFromCandidate, profileFromJsonResume } from '../../../src/main/core/features/candidates/json-resume.js';
import type { CandidateCreateBody } from '../../../src/shared/api/candidates.js';
import type { JsonResume } from '../../../src/shared/api/json-resume.js';
import { primaryPhoneOf, type Candidate } from '../../../src/shared/schemas/candidate.js';

const NOW = Date.UTC(2026, 10, 25);

/** The stored candidate the service would make from a create body. */
function stored(body: CandidateCreateBody): Candidate {
  const emails = body.emails ?? [];
  return {
    ...body,
    id: 'candidate-1',
    createdAt: NOW,
    updatedAt: NOW,
    deviceId: 'device',
    emails,
    primaryEmail: emails[0]?.toLowerCase() ?? '',
    phones: body.phones ?? [],
    primaryPhone: primaryPhoneOf(body.phones ?? []),
    links: body.links ?? [],
    tags: body.tags ?? [],
    skills: body.skills ?? [],
  };
}

function exportOfImport(document: JsonResume): JsonResume {
  const profile = profileFromJsonResume(document, NOW);
  return jsonResumeFromCandidate(stored(candidateFromJsonResume(document, profile)), profile);
}

const words = (maxLength: number) => fc.string({ minLength: 0, maxLength, unit: fc.constantFrom('a', 'B', 'ç', ' ', '-', '1') });
const present = (maxLength: number) => words(maxLength).filter((s) => s.trim() !== '');
const date = fc
  .tuple(fc.integer({ min: 1950, max: 2026 }), fc.option(fc.integer({ min: 1, max: 12 })), fc.option(fc.integer({ min: 1, max: 28 })))
  .map(([y, m, d]) => [String(y), m === null ? undefined : String(m).padStart(2, '0'), m === null || d === null ? undefined : String(d).padStart(2, '0')].filter(Boolean).join('-'));
const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const documentArb: fc.Arbitrary<JsonResume> = fc.record(
  {
    basics: fc.record(
      {
        name: present(30),
        email: optional(fc.constantFrom('ana@example.com', 'Bo.Lind@example.org')),
        phone: optional(words(20)),
        url: optional(fc.constantFrom('https://a.example', 'https://b.example')),
        summary: optional(words(40)),
        location: optional(fc.record({ address: optional(words(20)), city: optional(words(10)), region: optional(words(10)), countryCode: optional(fc.constantFrom('PT', 'SE')) }, { requiredKeys: [] })),
        profiles: optional(fc.array(fc.record({ network: optional(fc.constantFrom('GitHub', 'Website', '', 'LinkedIn')), url: optional(fc.constantFrom('https://g.example/x', 'https://l.example/y', 'https://a.example')) }, { requiredKeys: [] }), { maxLength: 3 })),
      },
      { requiredKeys: ['name'] },
    ),
    work: optional(
      fc.array(
        fc.record({ name: optional(words(15)), position: optional(words(15)), startDate: optional(date), endDate: optional(date), highlights: optional(fc.array(words(20), { maxLength: 3 })) }, { requiredKeys: [] }),
        { maxLength: 4 },
      ),
    ),
    education: optional(fc.array(fc.record({ institution: optional(words(15)), studyType: optional(fc.constantFrom('BSc', 'MBA', 'PhD', 'Course', ' ')), area: optional(words(10)), endDate: optional(date) }, { requiredKeys: [] }), { maxLength: 3 })),
    skills: optional(fc.array(fc.record({ name: present(12), keywords: optional(fc.array(words(8), { maxLength: 3 })) }, { requiredKeys: ['name'] }), { maxLength: 5 })),
    languages: optional(fc.array(fc.record({ language: present(10), fluency: optional(words(8)) }, { requiredKeys: ['language'] }), { maxLength: 3 })),
    certificates: optional(fc.array(fc.record({ name: present(12), date: optional(date), issuer: optional(words(8)) }, { requiredKeys: ['name'] }), { maxLength: 3 })),
  },
  { requiredKeys: ['basics'] },
);

describe('the JSON Resume mapping', () => {
  it('gives the same document when an export is imported and exported again', () => {
    fc.assert(
      fc.property(documentArb, (document) => {
        const once = exportOfImport(document);
        const twice = exportOfImport(once);
        expect(twice).toEqual(once);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps the name, e-mail, skill names and dated work of any document', () => {
    fc.assert(
      fc.property(documentArb, (document) => {
        const exported = exportOfImport(document);
        expect(exported.basics.name).toBe(document.basics.name.trim());
        expect(exported.basics.email).toBe(document.basics.email);
        const skillNames = (document.skills ?? []).map((s) => s.name.trim().toLowerCase());
        expect((exported.skills ?? []).map((s) => s.name.toLowerCase())).toEqual([...new Set(skillNames)]);
        expect(exported.work ?? []).toHaveLength((document.work ?? []).filter((w) => w.startDate).length);
      }),
      { numRuns: 300 },
    );
  });
});
