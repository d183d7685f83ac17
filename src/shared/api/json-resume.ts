// JSON Resume (https://jsonresume.org/schema) as the candidates API reads and writes it: only the
// parts the app uses are spelled out (basics, work, education, skills, languages, certificates),
// every string and list bounded. Other keys, at the top level or inside an entry, are accepted and
// ignored on import, so a full résumé from another tool is not refused for what we do not read.
import { Type, type Static } from 'typebox';
import { CandidateOut } from './candidates.js';

/** JSON Resume's date: "2020-01-31", "2020-01" or "2020". */
export const JsonResumeDate = Type.String({
  pattern: '^[1-2][0-9]{3}(-[0-1][0-9](-[0-3][0-9])?)?$',
  maxLength: 10,
  description: 'YYYY-MM-DD, YYYY-MM or YYYY.',
});

const Str = (maxLength: number) => Type.Optional(Type.String({ maxLength }));
const Strings = (itemMaxLength: number, maxItems: number) => Type.Optional(Type.Array(Type.String({ maxLength: itemMaxLength }), { maxItems }));
const Loose = { additionalProperties: true } as const;

export const JsonResumeLocation = Type.Object(
  { address: Str(200), postalCode: Str(20), city: Str(100), countryCode: Str(10), region: Str(100) },
  Loose,
);

export const JsonResumeProfile = Type.Object({ network: Str(50), username: Str(200), url: Str(2048) }, Loose);

export const JsonResumeBasics = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 200, description: 'Required here: a candidate needs a name.' }),
    label: Str(200),
    image: Str(2048),
    email: Type.Optional(Type.String({ format: 'email', maxLength: 254 })),
    phone: Str(40),
    url: Str(2048),
    summary: Str(10_000),
    location: Type.Optional(JsonResumeLocation),
    profiles: Type.Optional(Type.Array(JsonResumeProfile, { maxItems: 50 })),
  },
  Loose,
);

export const JsonResumeWork = Type.Object(
  {
    name: Str(200),
    position: Str(200),
    location: Str(200),
    url: Str(2048),
    startDate: Type.Optional(JsonResumeDate),
    endDate: Type.Optional(JsonResumeDate),
    summary: Str(10_000),
    highlights: Strings(2000, 100),
  },
  Loose,
);

export const JsonResumeEducation = Type.Object(
  {
    institution: Str(200),
    url: Str(2048),
    area: Str(200),
    studyType: Str(200),
    startDate: Type.Optional(JsonResumeDate),
    endDate: Type.Optional(JsonResumeDate),
    score: Str(50),
    courses: Strings(200, 100),
  },
  Loose,
);

export const JsonResumeSkill = Type.Object({ name: Type.String({ minLength: 1, maxLength: 100 }), level: Str(50), keywords: Strings(100, 50) }, Loose);

export const JsonResumeLanguage = Type.Object({ language: Type.String({ minLength: 1, maxLength: 100 }), fluency: Str(100) }, Loose);

export const JsonResumeCertificate = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 300 }), date: Type.Optional(JsonResumeDate), issuer: Str(200), url: Str(2048) },
  Loose,
);

export const JsonResume = Type.Object(
  {
    $schema: Str(2048),
    basics: JsonResumeBasics,
    work: Type.Optional(Type.Array(JsonResumeWork, { maxItems: 200 })),
    education: Type.Optional(Type.Array(JsonResumeEducation, { maxItems: 50 })),
    skills: Type.Optional(Type.Array(JsonResumeSkill, { maxItems: 500 })),
    languages: Type.Optional(Type.Array(JsonResumeLanguage, { maxItems: 50 })),
    certificates: Type.Optional(Type.Array(JsonResumeCertificate, { maxItems: 200 })),
    meta: Type.Optional(Type.Object({ canonical: Str(2048), version: Str(50), lastModified: Str(50) }, Loose)),
  },
  { additionalProperties: true, description: 'A JSON Resume document (https://jsonresume.org/schema).' },
);
export type JsonResume = Static<typeof JsonResume>;

export const JsonResumeImportQuery = Type.Object(
  {
    merge: Type.Optional(
      Type.Boolean({
        default: false,
        description: 'When a candidate with the e-mail exists: fill only its empty fields instead of answering 409.',
      }),
    ),
  },
  { additionalProperties: false },
);
export type JsonResumeImportQuery = Static<typeof JsonResumeImportQuery>;

/** What an import answers: 201 with a new candidate, or 200 when merged into an existing one. */
export const JsonResumeImported = Type.Object({
  candidate: CandidateOut,
  resumeId: Type.String({ description: 'The parsed résumé holding the imported profile (work, education, languages, certificates).' }),
  merged: Type.Boolean({ description: 'True when merged into an existing candidate (merge=true).' }),
});
export type JsonResumeImported = Static<typeof JsonResumeImported>;
