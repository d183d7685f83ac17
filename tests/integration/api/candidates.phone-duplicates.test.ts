// Finding the candidate a résumé's phone number belongs to: by the indexed primaryPhone, kept in
// step with the phones however they change.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Candidate } from '../../../src/shared/schemas/candidate.js';
import { createTestApi, type TestApi } from '../../support/api-harness.js';
import { makeCandidateBody } from './candidates.fixtures.js';

let api: TestApi;
let staff: string;

beforeEach(async () => {
  api = await createTestApi();
  staff = (await api.signIn('recruiter')).token;
});
afterEach(() => api.close());

const candidates = () => api.features.services.candidates;

async function create(phones: string[]): Promise<Candidate> {
  const response = await api.as(staff, { method: 'POST', url: '/api/v1/candidates', payload: makeCandidateBody({ phones }) });
  expect(response.statusCode).toBe(201);
  return response.json<Candidate>();
}

describe('the likely duplicate by phone', () => {
  it('is the candidate whose first usable number has the same digits, however it is spaced', async () => {
    const created = await create(['12', '+351 912-000 111']);
    expect(created.primaryPhone).toBe('351912000111');
    const found = await candidates().findLikelyDuplicate({ emails: [], phones: ['555 1234 999', '(351) 912 000 111'] });
    expect(found?.id).toBe(created.id);
  });

  it('follows an edit of the phones, and is nobody for a number too short to identify anyone', async () => {
    const created = await create(['+44 20 7946 0958']);
    const response = await api.as(staff, { method: 'PATCH', url: `/api/v1/candidates/${created.id}`, payload: { phones: ['+1 415 555 0100'] } });
    expect(response.statusCode).toBe(200);
    expect(response.json<Candidate>().primaryPhone).toBe('14155550100');

    expect(await candidates().findLikelyDuplicate({ emails: [], phones: ['+44 20 7946 0958'] })).toBeUndefined();
    expect((await candidates().findLikelyDuplicate({ emails: [], phones: ['14155550100'] }))?.id).toBe(created.id);
    expect(await candidates().findLikelyDuplicate({ emails: [], phones: ['0100'] })).toBeUndefined();
  });

  it('is found for a phone a résumé added to a candidate that had none', async () => {
    const created = await create([]);
    expect(created.primaryPhone).toBe('');
    const { candidate } = await candidates().upsertFromProfile('system', { name: created.name, emails: created.emails, phones: ['+351 933 222 111'] });
    expect(candidate).toMatchObject({ id: created.id, phones: ['+351 933 222 111'], primaryPhone: '351933222111' });
    expect((await candidates().findLikelyDuplicate({ emails: [], phones: ['351933222111'] }))?.id).toBe(created.id);
  });
});
