// The candidates store's windowed list against the real core holding 250 candidates: rows arrive a
// page at a time as they are asked for, each page is fetched once however often it is asked for,
// and the pages of a query the user has already left are dropped when they arrive late.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CandidatesState } from '../../../src/renderer/src/stores/candidates.js';
import type { Stores } from '../../../src/renderer/src/stores/index.js';
import { insertAll, makeCandidate } from '../../integration/api/dashboard.fixtures.js';
import { unstamped } from '../../../src/main/core/db/write-stamp.js';
import type { Candidate } from '../../../src/shared/schemas/candidate.js';
import { signedIn, startCore, until, watchRequests, type Core } from './support.js';

const COUNT = 250;
const LIST = '/api/v1/candidates';
// Zero-padded, so the list sorted by name is the order they were made in.
const names = Array.from({ length: COUNT }, (_, i) => `Person ${String(i).padStart(3, '0')}`);

let core: Core;
let stores: Stores;

beforeAll(async () => {
  core = await startCore();
  await insertAll(core.api.db.candidates, names.map((name, i) => unstamped<Candidate>(makeCandidate(`cand-${i}`, name))));
});
// Each test starts from a new start of the app: its own stores, its own user.
beforeEach(async () => {
  stores = await signedIn(core, 'recruiter');
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(async () => {
  await core?.close();
});

/** The row at this index of the list, or undefined while it is not loaded. */
const rowAt = (state: CandidatesState, index: number) => state.rows.get(index);
const loadedIndexes = (state: CandidatesState) => Array.from({ length: state.total }, (_, i) => i).filter((i) => rowAt(state, i) !== undefined);

describe('the windowed candidate list', () => {
  it('loads the first page, then each further page once as its rows are asked for', async () => {
    const { candidates } = stores;
    const requests = watchRequests();
    await candidates.getState().reload();
    const first = candidates.getState();
    expect(first).toMatchObject({ status: 'ready', total: COUNT });
    const firstPage = loadedIndexes(first);
    expect(firstPage.length).toBeGreaterThan(0);
    expect(firstPage.length).toBeLessThan(COUNT);
    expect(requests.count('GET', LIST)).toBe(1);

    // Scrolling asks for overlapping windows, several times over, before any answer is back.
    candidates.getState().ensureRows(0, COUNT - 1);
    candidates.getState().ensureRows(firstPage.length, COUNT - 1);
    candidates.getState().ensureRows(COUNT - 10, COUNT - 1);
    const all = await until(candidates, (s) => loadedIndexes(s).length === COUNT);
    const pagesNeeded = Math.ceil(COUNT / firstPage.length);
    expect(requests.count('GET', LIST)).toBe(pagesNeeded);

    // Asking again for rows already there sends nothing.
    candidates.getState().ensureRows(0, COUNT - 1);
    expect(requests.count('GET', LIST)).toBe(pagesNeeded);
    // The rows are the candidates in the list's order (by name), each at its own index.
    expect(Array.from({ length: COUNT }, (_, i) => rowAt(all, i)?.name)).toEqual(names);
  });

  it('asks for nothing past the end of the list', async () => {
    const { candidates } = stores;
    await candidates.getState().reload();
    const requests = watchRequests();
    candidates.getState().ensureRows(COUNT + 50, COUNT + 500);
    expect(requests.count('GET', LIST)).toBe(0);
  });

  it('drops pages of the previous query that arrive after the filter changed', async () => {
    const { candidates } = stores;
    await candidates.getState().reload();
    const pageSize = loadedIndexes(candidates.getState()).length;
    // Later pages of the unfiltered list answer slowly; the filtered list answers at once.
    const requests = watchRequests((url) => url.pathname === LIST && !url.searchParams.has('q') && Number(url.searchParams.get('skip')) > 0);
    candidates.getState().ensureRows(pageSize, COUNT - 1);
    expect(requests.queries(LIST).length).toBeGreaterThan(0);

    candidates.getState().setFilters({ q: 'Person 01' });
    const wanted = names.filter((name) => name.includes('Person 01'));
    await until(candidates, (s) => s.status === 'ready' && s.total === wanted.length);
    await requests.release();

    const state = candidates.getState();
    expect(state.total).toBe(wanted.length);
    expect(loadedIndexes(state)).toEqual(wanted.map((_, i) => i));
    expect(rowAt(state, pageSize)).toBeUndefined();
    expect(Array.from({ length: wanted.length }, (_, i) => rowAt(state, i)?.name)).toEqual(wanted);
  });

  it('after the filter is cleared, pages of the whole list load again', async () => {
    const { candidates } = stores;
    candidates.getState().setFilters({ q: 'Person 02' });
    await until(candidates, (s) => s.status === 'ready' && s.filters.q === 'Person 02' && s.total < COUNT);
    candidates.getState().setFilters({ q: undefined });
    const whole = await until(candidates, (s) => s.status === 'ready' && s.total === COUNT);
    candidates.getState().ensureRows(COUNT - 1, COUNT - 1);
    const last = await until(candidates, (s) => rowAt(s, COUNT - 1) !== undefined);
    expect(rowAt(last, COUNT - 1)?.name).toBe(names[COUNT - 1]);
    expect(rowAt(whole, 0)?.name).toBe(names[0]);
  });

  // A failed page of the previous query must not un-mark that page for the current query (which
  // would fetch it a second time).
  it('a page of the previous query that fails late does not make the current query fetch its page again', async () => {
    const { candidates } = stores;
    await candidates.getState().reload();
    const pageSize = loadedIndexes(candidates.getState()).length;
    const requests = watchRequests((url) => (url.pathname === LIST && !url.searchParams.has('q') && Number(url.searchParams.get('skip')) > 0 ? 'fail' : false));
    candidates.getState().ensureRows(pageSize, COUNT - 1);

    // A filter every candidate matches: the same pages, of another query.
    candidates.getState().setFilters({ q: 'Person' });
    await until(candidates, (s) => s.status === 'ready' && s.filters.q === 'Person' && loadedIndexes(s).length > 0);
    candidates.getState().ensureRows(pageSize, COUNT - 1);
    await until(candidates, (s) => loadedIndexes(s).length === COUNT);
    await requests.release();

    candidates.getState().ensureRows(pageSize, COUNT - 1);
    const secondPageRequests = requests.queries(LIST).filter((q) => q.get('q') === 'Person' && Number(q.get('skip')) === pageSize);
    expect(secondPageRequests).toHaveLength(1);
  });
});
