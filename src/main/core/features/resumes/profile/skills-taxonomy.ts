// The skills taxonomy (resources/skills-taxonomy.json): canonical names, categories and synonyms.
// Loading reads and validates the file; everything else here is pure.
import { readFile } from 'node:fs/promises';
import { Type, type Static } from 'typebox';
import { Value } from 'typebox/value';
import { ValidationError } from '../../../errors.js';

export const TaxonomySkillSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 100 }),
    category: Type.String({ minLength: 1, maxLength: 50 }),
    synonyms: Type.Array(Type.String({ minLength: 1, maxLength: 100 }), { maxItems: 50 }),
    ambiguous: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
        maxItems: 50,
        description: 'The names (name or synonyms) that are also ordinary words or letters.',
      }),
    ),
    exactCase: Type.Optional(
      Type.Array(Type.String({ minLength: 1, maxLength: 100 }), {
        maxItems: 50,
        description: 'The names that count anywhere, but only spelled exactly so (React, not the verb react).',
      }),
    ),
  },
  { additionalProperties: false },
);
export type TaxonomySkill = Static<typeof TaxonomySkillSchema>;

export const SkillsTaxonomySchema = Type.Object(
  {
    version: Type.Integer({ minimum: 1 }),
    description: Type.Optional(Type.String()),
    skills: Type.Array(TaxonomySkillSchema, { minItems: 1, maxItems: 10_000 }),
  },
  { additionalProperties: false },
);
export type SkillsTaxonomy = Static<typeof SkillsTaxonomySchema>;

/** Checks parsed JSON against the taxonomy schema and that every name, ignoring case, is given once. */
export function parseSkillsTaxonomy(json: unknown): SkillsTaxonomy {
  if (!Value.Check(SkillsTaxonomySchema, json)) {
    const problem = Value.Errors(SkillsTaxonomySchema, json)[0];
    throw new ValidationError(`The skills taxonomy is invalid: ${problem?.message ?? 'unknown problem'}`);
  }
  const owner = new Map<string, string>();
  for (const skill of json.skills) {
    for (const alias of [skill.name, ...skill.synonyms]) {
      const key = alias.toLowerCase();
      const previous = owner.get(key);
      if (previous !== undefined) {
        throw new ValidationError(`The skills taxonomy names "${alias}" twice (${previous}, ${skill.name}); names ignore case.`);
      }
      owner.set(key, skill.name);
    }
    const unknown = [...(skill.ambiguous ?? []), ...(skill.exactCase ?? [])].find((alias) => alias !== skill.name && !skill.synonyms.includes(alias));
    if (unknown !== undefined) {
      throw new ValidationError(`The skills taxonomy marks "${unknown}" ambiguous or exact-case but ${skill.name} has no such name.`);
    }
  }
  return json;
}

/** Reads and validates the taxonomy file. */
export async function loadSkillsTaxonomy(filePath: string | URL): Promise<SkillsTaxonomy> {
  const text = await readFile(filePath, 'utf8');
  return parseSkillsTaxonomy(JSON.parse(text) as unknown);
}
