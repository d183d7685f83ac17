import type { RxCollection } from 'rxdb';
import { afterEach, describe, expect, it } from 'vitest';
import { COLLECTION_NAMES } from '../../../src/main/core/db/collections.js';
import type { AppDatabase } from '../../../src/main/core/db/database.js';
import { stampWrite, unstamped } from '../../../src/main/core/db/write-stamp.js';
import type { Job } from '../../../src/shared/schemas/job.js';
import { SAMPLE_DOCUMENTS, makeJob, openTestDatabase, type TestDatabase } from './factories.js';

describe('write stamps', () => {
  let db: AppDatabase | undefined;
  afterEach(async () => {
    await db?.close();
    db = undefined;
  });
  const open = async (deviceId?: string): Promise<TestDatabase> => {
    const opened = await openTestDatabase(deviceId ? { deviceId } : {});
    db = opened.db;
    return opened;
  };

  it('sets createdAt, updatedAt and deviceId on insert when the caller leaves them out', async () => {
    const { db, clock } = await open('laptop-1');
    const job = await db.jobs.insert(unstamped<Job>(makeJob()));
    expect(job.createdAt).toBe(clock.now());
    expect(job.updatedAt).toBe(clock.now());
    expect(job.deviceId).toBe('laptop-1');
  });

  it('overrides a deviceId the caller supplied with this device’s id', async () => {
    const { db } = await open('laptop-1');
    const job = await db.jobs.insert(unstamped<Job>({ ...makeJob(), deviceId: 'someone-else' }));
    expect(job.deviceId).toBe('laptop-1');
  });

  it('keeps a createdAt from the past given on insert, as imports and seeds need', async () => {
    const { db, clock } = await open();
    const job = await db.jobs.insert(unstamped<Job>({ ...makeJob(), createdAt: clock.now() - 86_400_000 }));
    expect(job.createdAt).toBe(clock.now() - 86_400_000);
    expect(job.updatedAt).toBe(clock.now());
  });

  it('moves updatedAt on every kind of update and keeps createdAt', async () => {
    const { db, clock } = await open();
    const job = await db.jobs.insert(unstamped<Job>(makeJob()));
    const created = clock.now();

    clock.advance(1_000);
    const patched = await job.patch({ title: 'Staff Engineer' });
    expect(patched.updatedAt).toBe(created + 1_000);

    clock.advance(1_000);
    const incremental = await patched.incrementalPatch({ location: 'Porto' });
    expect(incremental.updatedAt).toBe(created + 2_000);

    clock.advance(1_000);
    const modified = await incremental.incrementalModify((data) => ({ ...data, tags: ['platform'] }));
    expect(modified.updatedAt).toBe(created + 3_000);

    clock.advance(1_000);
    const upserted = await db.jobs.upsert({ ...modified.toMutableJSON(), status: 'closed' });
    expect(upserted.updatedAt).toBe(created + 4_000);

    for (const doc of [patched, incremental, modified, upserted]) expect(doc.createdAt).toBe(created);
  });

  it('does not let an update change createdAt', async () => {
    const { db, clock } = await open();
    const job = await db.jobs.insert(unstamped<Job>(makeJob()));
    const updated = await job.incrementalPatch({ createdAt: 5 });
    expect(updated.createdAt).toBe(clock.now());
  });

  it('takes the updatedAt a caller sets itself, as long as it does not go back in time', async () => {
    const { db, clock } = await open();
    const job = await db.jobs.insert(unstamped<Job>(makeJob()));
    const later = await job.incrementalPatch({ updatedAt: clock.now() + 60_000 });
    expect(later.updatedAt).toBe(clock.now() + 60_000);
    const earlier = await later.incrementalPatch({ updatedAt: clock.now() - 60_000 });
    expect(earlier.updatedAt).toBe(clock.now() + 60_000);
  });

  it('stamps a deletion, so other devices see it as the newest write', async () => {
    const { db, clock } = await open('laptop-1');
    const job = await db.jobs.insert(unstamped<Job>(makeJob()));
    const otherDevicesJob = await db.jobs.insert(unstamped<Job>(makeJob()));
    clock.advance(5_000);
    await job.remove();
    await db.jobs.bulkRemove([otherDevicesJob.id]);
    const removed = await db.jobs.storageInstance.findDocumentsById([job.id, otherDevicesJob.id], true);
    expect(removed).toHaveLength(2);
    for (const doc of removed) {
      expect(doc._deleted).toBe(true);
      expect(doc.updatedAt).toBe(clock.now());
      expect(doc.deviceId).toBe('laptop-1');
    }
  });

  it('stamps documents of every collection, the task queue’s included', async () => {
    const { db, clock } = await open('laptop-1');
    for (const name of COLLECTION_NAMES) {
      const collection: RxCollection = db[name];
      const doc = await collection.insert(SAMPLE_DOCUMENTS[name]());
      expect(doc.toJSON(), name).toMatchObject({ createdAt: clock.now(), updatedAt: clock.now(), deviceId: 'laptop-1' });
    }
  });
});

describe('stampWrite', () => {
  const context = { deviceId: 'laptop-1', now: 2_000 };

  it('never moves updatedAt backwards when the system clock steps back', () => {
    const previous = { createdAt: 1_000, updatedAt: 5_000, deviceId: 'laptop-2' };
    const next = stampWrite({ ...previous }, context, previous);
    expect(next).toEqual({ createdAt: 1_000, updatedAt: 5_000, deviceId: 'laptop-1' });
  });

  it('never puts updatedAt before createdAt', () => {
    expect(stampWrite({ createdAt: 3_000 }, context)).toEqual({ createdAt: 3_000, updatedAt: 3_000, deviceId: 'laptop-1' });
  });

  it('ignores stamp values that are not epoch milliseconds', () => {
    const doc = { createdAt: -1, updatedAt: Number.NaN } as { createdAt?: number; updatedAt?: number };
    expect(stampWrite(doc, context)).toEqual({ createdAt: 2_000, updatedAt: 2_000, deviceId: 'laptop-1' });
  });
});

describe('deleting a document', () => {
  it('leaves no stale index entry behind, so a removed document never comes back in queries', async () => {
    const { db, clock } = await openTestDatabase();
    try {
      const jobs = [makeJob({ location: 'Lisbon' }), makeJob({ location: 'Lisbon' }), makeJob({ location: 'Porto' })];
      await db.jobs.bulkInsert(jobs.map((j) => unstamped<Job>(j)));
      clock.advance(1000);
      const first = await db.jobs.findOne(jobs[0]!.id).exec();
      await first!.remove();
      await db.jobs.bulkRemove([jobs[2]!.id]);
      expect((await db.jobs.find({ selector: { location: 'Lisbon' } }).exec()).map((d) => d.id)).toEqual([jobs[1]!.id]);
      expect(await db.jobs.count().exec()).toBe(1);
      expect((await db.jobs.find({ sort: [{ updatedAt: 'asc' }] }).exec()).map((d) => d.id)).toEqual([jobs[1]!.id]);
    } finally {
      await db.close();
    }
  });
});
