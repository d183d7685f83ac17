// The profile extracted from a résumé's text (core/features/resumes/profile), spelled out field by
// field. It is shaped like the JSON Resume schema (https://jsonresume.org/schema) plus two derived
// fields, and fits inside the looser `ResumeProfileSchema` that résumé documents store.
import { Type, type Static } from 'typebox';
import { NonEmptyText, StringEnum, StringList, Text } from './base.js';

export const EDUCATION_LEVELS = ['none', 'high_school', 'associate', 'bachelor', 'master', 'doctorate'] as const;
export const EducationLevelSchema = StringEnum([...EDUCATION_LEVELS], {
  description: 'Highest degree found; none when no degree was recognised.',
});
export type EducationLevel = Static<typeof EducationLevelSchema>;

/** "2020-01" or "2020", as JSON Resume writes dates. */
const ResumeDateText = Type.String({ pattern: '^\\d{4}(-\\d{2})?$', maxLength: 7 });

export const ProfileLinkSchema = Type.Object(
  {
    network: NonEmptyText(50, { description: 'LinkedIn, GitHub, Website…' }),
    url: NonEmptyText(2048),
    username: Type.Optional(Text(200)),
  },
  { additionalProperties: false },
);

export const ExtractedBasicsSchema = Type.Object(
  {
    name: Type.Optional(NonEmptyText(200)),
    email: Type.Optional(NonEmptyText(254)),
    phone: Type.Optional(NonEmptyText(40)),
    url: Type.Optional(NonEmptyText(2048, { description: 'The first link that is not a known network profile.' })),
    summary: Type.Optional(Text(10_000)),
    location: Type.Optional(
      Type.Object(
        { address: NonEmptyText(200), city: Type.Optional(NonEmptyText(100)), region: Type.Optional(NonEmptyText(100)) },
        { additionalProperties: false },
      ),
    ),
    profiles: Type.Array(ProfileLinkSchema, { maxItems: 50 }),
    emails: StringList(254, 20, { description: 'Every e-mail found, the first being `email`.' }),
    phones: StringList(40, 20, { description: 'Every phone number found, the first being `phone`.' }),
  },
  { additionalProperties: false },
);

export const ExtractedWorkSchema = Type.Object(
  {
    name: Type.Optional(NonEmptyText(200, { description: 'The employer.' })),
    position: Type.Optional(NonEmptyText(200)),
    location: Type.Optional(NonEmptyText(200)),
    startDate: ResumeDateText,
    endDate: Type.Optional(ResumeDateText),
    highlights: StringList(2000, 100),
  },
  { additionalProperties: false },
);

export const ExtractedEducationSchema = Type.Object(
  {
    institution: Type.Optional(NonEmptyText(200)),
    area: Type.Optional(NonEmptyText(200)),
    studyType: NonEmptyText(200),
    level: EducationLevelSchema,
    startDate: Type.Optional(ResumeDateText),
    endDate: Type.Optional(ResumeDateText),
  },
  { additionalProperties: false },
);

export const ExtractedSkillSchema = Type.Object(
  {
    name: NonEmptyText(100, { description: 'Canonical name from the skills taxonomy.' }),
    category: NonEmptyText(50),
    keywords: StringList(100, 50, { description: 'The spellings found in the text.' }),
  },
  { additionalProperties: false },
);

export const ExtractedLanguageSchema = Type.Object(
  { language: NonEmptyText(100), fluency: Type.Optional(NonEmptyText(100)) },
  { additionalProperties: false },
);

export const ExtractedCertificateSchema = Type.Object(
  { name: NonEmptyText(300), date: Type.Optional(ResumeDateText), issuer: Type.Optional(NonEmptyText(200)) },
  { additionalProperties: false },
);

export const ExtractedProfileSchema = Type.Object(
  {
    basics: ExtractedBasicsSchema,
    work: Type.Array(ExtractedWorkSchema, { maxItems: 200 }),
    education: Type.Array(ExtractedEducationSchema, { maxItems: 50 }),
    skills: Type.Array(ExtractedSkillSchema, { maxItems: 500 }),
    languages: Type.Array(ExtractedLanguageSchema, { maxItems: 50 }),
    certificates: Type.Array(ExtractedCertificateSchema, { maxItems: 200 }),
    yearsOfExperience: Type.Number({ minimum: 0, maximum: 80, description: 'Dated work ranges, overlaps counted once.' }),
    educationLevel: EducationLevelSchema,
  },
  { additionalProperties: false, description: 'A profile extracted from résumé text.' },
);
export type ExtractedProfile = Static<typeof ExtractedProfileSchema>;
