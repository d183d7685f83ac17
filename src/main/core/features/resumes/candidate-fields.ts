// What a parsed résumé's profile says about its candidate, in the candidates feature's terms.
import type { CandidateCreateBody } from '../../../../shared/api/candidates.js';
import type { ExtractedProfile } from '../../../../shared/schemas/resume-profile.js';
import { fileStem } from './file-name.js';

const NAME_MAX = 200;

export function candidateFieldsOf(profile: ExtractedProfile, fileName: string): CandidateCreateBody {
  const { basics } = profile;
  const links = [
    ...basics.profiles.map((link) => ({ kind: link.network.toLowerCase().slice(0, 32), url: link.url })),
    ...(basics.url ? [{ kind: 'website', url: basics.url }] : []),
  ];
  return {
    // A résumé without a recognisable name still makes a candidate, named after its file.
    name: (basics.name ?? fileStem(fileName)).slice(0, NAME_MAX),
    emails: basics.emails,
    phones: basics.phones,
    ...(basics.location ? { location: basics.location.address } : {}),
    links: links.slice(0, 50),
    skills: profile.skills.map((skill) => skill.name),
    yearsOfExperience: profile.yearsOfExperience,
    source: 'upload',
  };
}
