// The activity log: every mutation made through the API records who did what to which subject;
// the dashboard's recent-activity statistic reads it back, newest first.
import { randomUUID } from 'node:crypto';
import type { Activity } from '../../../../shared/schemas/activity.js';
import type { Clock } from '../../clock.js';
import type { AppDatabase } from '../../db/database.js';
import { unstamped } from '../../db/write-stamp.js';

export interface ActivityInput {
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  summary: string;
  details?: Record<string, unknown>;
}

export interface ActivityPage {
  items: Activity[];
  total: number;
}

export interface ActivityLog {
  record(input: ActivityInput): Promise<Activity>;
  recent(page: { limit: number; skip: number }): Promise<ActivityPage>;
}

const SUMMARY_MAX = 500;

export function createActivityLog({ db, clock }: { db: AppDatabase; clock: Clock }): ActivityLog {
  return {
    async record(input) {
      const summary = input.summary.length > SUMMARY_MAX ? `${input.summary.slice(0, SUMMARY_MAX - 1)}…` : input.summary;
      const doc = await db.activities.insert(
        unstamped<Activity>({ id: randomUUID(), ...input, summary, at: clock.now() }),
      );
      return doc.toMutableJSON();
    },
    async recent({ limit, skip }) {
      const [docs, total] = await Promise.all([
        db.activities.find({ sort: [{ at: 'desc' }, { id: 'desc' }], skip, limit }).exec(),
        db.activities.count().exec(),
      ]);
      return { items: docs.map((d) => d.toMutableJSON()), total };
    },
  };
}
