// JSON Resume import and export of candidates: import makes a candidate plus a parsed résumé
// holding the profile; export rebuilds the document; a round trip through a fresh database keeps
// basics, skills and work.
import { randomUUID } from 'node:crypto';
import { Value } from 'typebox/value';
import { afterEach, describe, expect, it } from 'vitest';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import { JsonResume } from '../../../src/shared/api/json-resume.js';
import type { Resume } from '../../../src/shared/schemas/resume.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';

const opened: TestApi[] = [];
afterEach(async () => {
  for (const api of opened.splice(0)) await api.close();
});

async function staffApi(): Promise<{ api: TestApi; token: string }> {
  const api = await createTestApi();
  opened.push(api);
  const { token } = await api.signIn('recruiter');
  return { api, token };
}

function makeDocument(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    $schema: 'https://raw.githubusercontent.com/jsonresume/resume-schema/v1.0.0/schema.json',
    basics: {
      name: 'Ana Ferreira',
      label: 'Backend engineer',
      email: 'ana.ferreira@example.com',
      phone: '+351 912 345 678',
      url: 'https://ana.example.com',
      summary: 'Builds reliable payment systems.',
      location: { city: 'Lisbon', countryCode: 'PT', region: 'Lisboa' },
      profiles: [{ network: 'GitHub', username: 'anaf', url: 'https://github.com/anaf' }],
    },
    work: [
      { name: 'Payly', position: 'Senior Engineer', startDate: '2021-03-01', highlights: ['Cut settlement time by 40%'] },
      { name: 'Shopr', position: 'Engineer', startDate: '2017-09', endDate: '2021-02', summary: 'Checkout team.' },
      { name: 'Undated Co', position: 'Intern' },
    ],
    education: [{ institution: 'Universidade de Lisboa', area: 'Computer Science', studyType: 'MSc', startDate: '2015', endDate: '2017' }],
    skills: [{ name: 'TypeScript', level: 'Expert', keywords: ['Node.js', 'Fastify'] }, { name: 'PostgreSQL' }],
    languages: [{ language: 'Portuguese', fluency: 'Native' }, { language: 'English', fluency: 'Fluent' }],
    certificates: [{ name: 'AWS Solutions Architect', date: '2022-06-15', issuer: 'Amazon' }],
    projects: [{ name: 'ignored on import' }],
    'x-custom': { anything: true },
    ...overrides,
  };
}

const importDoc = (api: TestApi, token: string, document: unknown, query = '') =>
  api.as(token, { method: 'POST', url: `/api/v1/candidates/import/json-resume${query}`, payload: document as Record<string, unknown> });

describe('POST /api/v1/candidates/import/json-resume', () => {
  it('creates a candidate from the basics and skills and keeps the profile as a parsed résumé', async () => {
    const { api, token } = await staffApi();
    const announced: unknown[] = [];
    api.events.on('resume.changed', (event) => announced.push(event));
    const res = await importDoc(api, token, makeDocument());
    expect(res.statusCode).toBe(201);
    const { candidate, resumeId, merged } = res.json();
    expect(merged).toBe(false);
    expect(candidate).toMatchObject({
      name: 'Ana Ferreira',
      emails: ['ana.ferreira@example.com'],
      primaryEmail: 'ana.ferreira@example.com',
      phones: ['+351 912 345 678'],
      location: 'Lisbon, Lisboa, PT',
      links: [
        { kind: 'website', url: 'https://ana.example.com' },
        { kind: 'github', url: 'https://github.com/anaf' },
      ],
      skills: ['TypeScript', 'PostgreSQL'],
      source: 'json-resume',
    });
    // 2017-09 .. now (Nov 2026, the test clock), the two jobs back to back: about 9.2 years.
    expect(candidate.yearsOfExperience).toBeCloseTo(9.2, 1);

    const resume = (await api.db.resumes.findOne(resumeId).exec())?.toMutableJSON();
    expect(resume).toMatchObject({ candidateId: candidate.id, status: 'parsed', fileName: 'resume.json' });
    expect(resume?.profile?.work).toEqual([
      { name: 'Payly', position: 'Senior Engineer', startDate: '2021-03', highlights: ['Cut settlement time by 40%'] },
      { name: 'Shopr', position: 'Engineer', startDate: '2017-09', endDate: '2021-02', highlights: [] },
    ]);
    expect(resume?.profile?.education).toEqual([
      { institution: 'Universidade de Lisboa', area: 'Computer Science', studyType: 'MSc', level: 'master', startDate: '2015', endDate: '2017' },
    ]);
    expect(resume?.profile).not.toHaveProperty('projects');
    expect(announced).toEqual([{ id: resumeId, status: 'parsed', candidateId: candidate.id }]);
    const activities = await api.db.activities.find({ selector: { subjectId: candidate.id } }).exec();
    expect(activities.map((a) => a.action)).toEqual(['candidate.created']);
  });

  it('refuses a second import of the same e-mail with 409 and the existing id, writing nothing', async () => {
    const { api, token } = await staffApi();
    const first = (await importDoc(api, token, makeDocument())).json();
    const res = await importDoc(api, token, makeDocument({ basics: { name: 'Ana F.', email: 'ANA.FERREIRA@example.com' } }));
    expect(res.statusCode).toBe(409);
    expect(res.json().error.details.existingId).toBe(first.candidate.id);
    expect(await api.db.candidates.count().exec()).toBe(1);
    expect(await api.db.resumes.count().exec()).toBe(1);
  });

  it('with merge=true fills only the existing candidate’s empty fields and adds the résumé to it', async () => {
    const { api, token } = await staffApi();
    const created = await api.as(token, {
      method: 'POST',
      url: '/api/v1/candidates',
      payload: { name: 'Ana Ferreira-Silva', emails: ['ana.ferreira@example.com'], skills: ['Go'] },
    });
    const existingId = created.json().id as string;

    const res = await importDoc(api, token, makeDocument(), '?merge=true');
    expect(res.statusCode).toBe(200);
    const { candidate, resumeId, merged } = res.json();
    expect(merged).toBe(true);
    expect(candidate.id).toBe(existingId);
    expect(candidate.name).toBe('Ana Ferreira-Silva');
    expect(candidate.skills).toEqual(['Go']);
    expect(candidate.phones).toEqual(['+351 912 345 678']);
    expect(candidate.location).toBe('Lisbon, Lisboa, PT');
    expect((await api.db.resumes.findOne(resumeId).exec())?.candidateId).toBe(existingId);
    expect(await api.db.candidates.count().exec()).toBe(1);
  });

  it('refuses a document without basics.name, with a malformed date or too many skills, writing nothing', async () => {
    const { api, token } = await staffApi();
    const bad = [
      makeDocument({ basics: { email: 'x@example.com' } }),
      makeDocument({ work: [{ name: 'A', startDate: 'March 2020' }] }),
      makeDocument({ skills: Array.from({ length: 501 }, (_, i) => ({ name: `skill${i}` })) }),
      makeDocument({ basics: { name: 'N', email: 'not an e-mail' } }),
    ];
    for (const document of bad) {
      const res = await importDoc(api, token, document);
      expect(res.statusCode).toBe(400);
      expect(res.json().error.code).toBe('VALIDATION');
    }
    expect(await api.db.candidates.count().exec()).toBe(0);
    expect(await api.db.resumes.count().exec()).toBe(0);
  });
});

describe('GET /api/v1/candidates/{id}/json-resume', () => {
  it('exports a candidate without a résumé from the candidate record alone', async () => {
    const { api, token } = await staffApi();
    const created = await api.as(token, {
      method: 'POST',
      url: '/api/v1/candidates',
      payload: { name: 'Bo Lind', emails: ['bo@example.com'], phones: ['+46 70 123 45 67'], location: 'Malmö', skills: ['Python'], links: [{ kind: 'linkedin', url: 'https://linkedin.com/in/bolind' }] },
    });
    const res = await api.as(token, { url: `/api/v1/candidates/${created.json().id}/json-resume` });
    expect(res.statusCode).toBe(200);
    const document = res.json();
    expect(document.basics).toEqual({
      name: 'Bo Lind',
      email: 'bo@example.com',
      phone: '+46 70 123 45 67',
      location: { address: 'Malmö' },
      profiles: [{ network: 'linkedin', url: 'https://linkedin.com/in/bolind' }],
    });
    expect(document.skills).toEqual([{ name: 'Python' }]);
    expect(document).not.toHaveProperty('work');
    expect(Value.Check(JsonResume, document)).toBe(true);
  });

  it('uses the latest parsed or analysed résumé, not a newer failed one', async () => {
    const { api, token } = await staffApi();
    const candidateId = (await api.as(token, { method: 'POST', url: '/api/v1/candidates', payload: { name: 'Cy Moss' } })).json().id as string;
    const resume = (status: Resume['status'], position: string): Resume =>
      unstamped<Resume>({
        id: randomUUID(),
        candidateId,
        fileName: 'cv.pdf',
        sha256: randomUUID().replaceAll('-', '').repeat(2),
        size: 100,
        status,
        profile: { work: [{ name: 'Acme', position, startDate: '2020-01', highlights: [] }] },
      });
    await api.db.resumes.insert(resume('parsed', 'Old'));
    api.clock.advance(60_000);
    await api.db.resumes.insert(resume('analyzed', 'Latest'));
    api.clock.advance(60_000);
    await api.db.resumes.insert(resume('failed', 'Broken'));

    const document = (await api.as(token, { url: `/api/v1/candidates/${candidateId}/json-resume` })).json();
    expect(document.work).toEqual([{ name: 'Acme', position: 'Latest', startDate: '2020-01' }]);
  });

  it('answers 404 for an unknown candidate', async () => {
    const { api, token } = await staffApi();
    const res = await api.as(token, { url: '/api/v1/candidates/nobody/json-resume' });
    expect(res.statusCode).toBe(404);
  });

  it('round-trips: export, import into a fresh database, export again gives the same basics, skills and work', async () => {
    const first = await staffApi();
    const imported = (await importDoc(first.api, first.token, makeDocument())).json();
    const exported = (await first.api.as(first.token, { url: `/api/v1/candidates/${imported.candidate.id}/json-resume` })).json();
    expect(Value.Check(JsonResume, exported)).toBe(true);
    expect(exported.basics).toMatchObject({ name: 'Ana Ferreira', email: 'ana.ferreira@example.com', summary: 'Builds reliable payment systems.' });
    expect(exported.skills).toEqual([{ name: 'TypeScript', keywords: ['Node.js', 'Fastify'] }, { name: 'PostgreSQL' }]);

    // RxDB's open-source edition allows few collections at once, so the first database closes first.
    await opened.splice(0).reduce((closing, api) => closing.then(() => api.close()), Promise.resolve());
    const second = await staffApi();
    const reimported = await importDoc(second.api, second.token, exported);
    expect(reimported.statusCode).toBe(201);
    const again = (await second.api.as(second.token, { url: `/api/v1/candidates/${reimported.json().candidate.id}/json-resume` })).json();
    expect(again.basics).toEqual(exported.basics);
    expect(again.skills).toEqual(exported.skills);
    expect(again.work).toEqual(exported.work);
    expect(again.education).toEqual(exported.education);
    expect(again.languages).toEqual(exported.languages);
    expect(again.certificates).toEqual(exported.certificates);
  });
});
