// Every collection of the app database: its document type, its RxDB schema (derived from the
// shared TypeBox shapes) and its migration strategies.
import type { RxCollection, RxCollectionCreator, RxJsonSchema } from 'rxdb';
import { activityRxSchema, type Activity } from '../../../shared/schemas/activity.js';
import { analysisRxSchema, type Analysis } from '../../../shared/schemas/analysis.js';
import { applicationRxSchema, type Application } from '../../../shared/schemas/application.js';
import { candidateRxSchema, type Candidate } from '../../../shared/schemas/candidate.js';
import { emailTemplateRxSchema, type EmailTemplate } from '../../../shared/schemas/email-template.js';
import { emailRxSchema, type OutboxEmail } from '../../../shared/schemas/email.js';
import { interviewRxSchema, type Interview } from '../../../shared/schemas/interview.js';
import { jobRxSchema, type Job } from '../../../shared/schemas/job.js';
import { resumeRxSchema, type Resume } from '../../../shared/schemas/resume.js';
import { settingRxSchema, type Setting } from '../../../shared/schemas/setting.js';
import { taskRxSchema, type Task } from '../../../shared/schemas/task.js';
import { userRxSchema, type User } from '../../../shared/schemas/user.js';
import { MIGRATION_STRATEGIES } from './migrations/index.js';

/** The document type stored in each collection. */
export interface AppDocuments {
  users: User;
  jobs: Job;
  candidates: Candidate;
  resumes: Resume;
  applications: Application;
  analyses: Analysis;
  interviews: Interview;
  emails: OutboxEmail;
  email_templates: EmailTemplate;
  activities: Activity;
  tasks: Task;
  settings: Setting;
}

export type CollectionName = keyof AppDocuments;

export type AppCollections = { [K in CollectionName]: RxCollection<AppDocuments[K]> };

export const COLLECTION_SCHEMAS: { readonly [K in CollectionName]: RxJsonSchema<AppDocuments[K]> } = {
  users: userRxSchema,
  jobs: jobRxSchema,
  candidates: candidateRxSchema,
  resumes: resumeRxSchema,
  applications: applicationRxSchema,
  analyses: analysisRxSchema,
  interviews: interviewRxSchema,
  emails: emailRxSchema,
  email_templates: emailTemplateRxSchema,
  activities: activityRxSchema,
  tasks: taskRxSchema,
  settings: settingRxSchema,
};

export const COLLECTION_NAMES = Object.keys(COLLECTION_SCHEMAS) as CollectionName[];

/** What `addCollections` needs for every collection. */
export function collectionCreators(): { [K in CollectionName]: RxCollectionCreator<AppDocuments[K]> } {
  const creators: Partial<Record<CollectionName, RxCollectionCreator>> = {};
  for (const name of COLLECTION_NAMES) {
    creators[name] = {
      schema: COLLECTION_SCHEMAS[name],
      migrationStrategies: MIGRATION_STRATEGIES[name] ?? {},
    };
  }
  return creators as { [K in CollectionName]: RxCollectionCreator<AppDocuments[K]> };
}
