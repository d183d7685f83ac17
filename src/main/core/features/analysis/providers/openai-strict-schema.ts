// OpenAI's strict structured outputs accept a subset of JSON Schema: every property listed in
// `required`, `additionalProperties: false` on every object, and no string length limits. We use
// strict mode (the reply is then guaranteed to parse and fit) with a schema derived from ours:
// optional properties become required-but-nullable, and the nulls are removed from the reply again
// so it validates against the original schema. Length limits are still checked afterwards.
import type { TSchema } from 'typebox';

type JsonSchema = Record<string, unknown>;

/** Keywords strict mode rejects; the full schema still enforces them when the reply is validated. */
const UNSUPPORTED_KEYWORDS = ['minLength', 'maxLength', 'default', '$id', '$schema'];

export function toStrictSchema(schema: TSchema): JsonSchema {
  return strictNode(JSON.parse(JSON.stringify(schema)) as JsonSchema);
}

function strictNode(node: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (UNSUPPORTED_KEYWORDS.includes(key)) continue;
    out[key] = value;
  }
  if (isRecord(node.items)) out.items = strictNode(node.items);
  for (const combinator of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = node[combinator];
    if (Array.isArray(branches)) out[combinator] = branches.map((b: unknown) => (isRecord(b) ? strictNode(b) : b));
  }
  if (isRecord(node.properties)) {
    const required = new Set(Array.isArray(node.required) ? (node.required as unknown[]) : []);
    const properties: Record<string, JsonSchema> = {};
    for (const [name, child] of Object.entries(node.properties)) {
      if (!isRecord(child)) continue;
      const strictChild = strictNode(child);
      properties[name] = required.has(name) ? strictChild : { anyOf: [strictChild, { type: 'null' }] };
    }
    out.properties = properties;
    out.required = Object.keys(properties);
    out.additionalProperties = false;
  }
  return out;
}

/** Removes the `null`s strict mode put where the original schema has an optional property. */
export function dropNullOptionals(schema: TSchema, value: unknown): unknown {
  return dropIn(schema as unknown as JsonSchema, value);
}

function dropIn(schema: JsonSchema, value: unknown): unknown {
  if (Array.isArray(value)) {
    return isRecord(schema.items) ? value.map((item: unknown) => dropIn(schema.items as JsonSchema, item)) : value;
  }
  if (!isRecord(value) || !isRecord(schema.properties)) return value;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as unknown[]) : []);
  const out: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) {
    const child = schema.properties[name];
    if (item === null && !required.has(name)) continue;
    out[name] = isRecord(child) ? dropIn(child, item) : item;
  }
  return out;
}

function isRecord(value: unknown): value is JsonSchema {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
