// Turns a TypeBox object into an RxDB collection schema: the one place where the shared shapes
// become storage schemas. It also checks, when the schema module loads, the rules RxDB would
// otherwise only enforce in dev-mode (indexed fields constrained and required), so a production
// build cannot start with a schema dev-mode would have refused.
import type { RxJsonSchema } from 'rxdb';
import type { Static, TObject } from 'typebox';

/** A top-level field name of the document a TypeBox object describes. */
export type FieldOf<T extends TObject> = Extract<keyof Static<T>, string>;

/** One index: a single field or a compound of fields, in order. */
export type IndexOf<T extends TObject> = FieldOf<T> | readonly FieldOf<T>[];

export interface RxSchemaOptions<T extends TObject> {
  /** The RxDB schema version; bump it with a migration strategy whenever the shape changes. */
  version: number;
  primaryKey: FieldOf<T>;
  indexes?: readonly IndexOf<T>[];
  /** Allow RxDB attachments (binary files stored with the document). */
  attachments?: boolean;
  description?: string;
}

export class SchemaDefinitionError extends Error {
  override readonly name = 'SchemaDefinitionError';
}

type JsonSchemaNode = { [key: string]: unknown };

/**
 * A deep copy holding only JSON Schema: TypeBox marks its schemas with `~kind`, `~optional` and
 * similar keys (and may use symbols), which are not JSON Schema and which ajv's strict mode rejects.
 */
export function toPlainJsonSchema(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlainJsonSchema);
  if (value === null || typeof value !== 'object') return value;
  const copy: JsonSchemaNode = {};
  for (const key of Object.keys(value)) {
    if (key.startsWith('~')) continue;
    const child = (value as JsonSchemaNode)[key];
    if (child === undefined || typeof child === 'function') continue;
    copy[key] = toPlainJsonSchema(child);
  }
  return copy;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    for (const child of Object.values(value)) deepFreeze(child);
    Object.freeze(value);
  }
  return value;
}

function checkIndexedField(
  field: string,
  properties: Record<string, JsonSchemaNode>,
  required: readonly string[],
  where: string,
): void {
  const property = properties[field];
  if (!property) throw new SchemaDefinitionError(`${where}: indexed field "${field}" is not a property`);
  if (!required.includes(field)) {
    throw new SchemaDefinitionError(`${where}: indexed field "${field}" must be required`);
  }
  switch (property.type) {
    case 'string':
      if (typeof property.maxLength !== 'number' || property.maxLength > 2048) {
        throw new SchemaDefinitionError(`${where}: indexed string "${field}" needs a maxLength <= 2048`);
      }
      return;
    case 'number':
    case 'integer':
      for (const key of ['minimum', 'maximum', 'multipleOf'] as const) {
        if (typeof property[key] !== 'number' || !Number.isFinite(property[key])) {
          throw new SchemaDefinitionError(`${where}: indexed number "${field}" needs a finite ${key}`);
        }
      }
      return;
    case 'boolean':
      return;
    default:
      throw new SchemaDefinitionError(
        `${where}: field "${field}" of type ${JSON.stringify(property.type)} cannot be indexed`,
      );
  }
}

/**
 * The RxDB JSON schema for documents shaped like `object`. The result is frozen: RxDB compares
 * schemas by hash to decide whether a migration is due, so it must not change after creation.
 */
export function toRxSchema<T extends TObject>(object: T, options: RxSchemaOptions<T>): RxJsonSchema<Static<T>> {
  const plain = toPlainJsonSchema(object) as JsonSchemaNode;
  const properties = (plain.properties ?? {}) as Record<string, JsonSchemaNode>;
  const required = (plain.required ?? []) as string[];
  const where = `schema v${options.version} (${options.description ?? options.primaryKey})`;
  if (plain.type !== 'object') throw new SchemaDefinitionError(`${where}: must be an object schema`);
  if (!Number.isInteger(options.version) || options.version < 0) {
    throw new SchemaDefinitionError(`${where}: version must be a whole number >= 0`);
  }

  const primary = properties[options.primaryKey];
  if (primary?.type !== 'string' || typeof primary.maxLength !== 'number') {
    throw new SchemaDefinitionError(`${where}: primary key "${options.primaryKey}" must be a string with maxLength`);
  }
  if (!required.includes(options.primaryKey)) {
    throw new SchemaDefinitionError(`${where}: primary key "${options.primaryKey}" must be required`);
  }

  const indexes = (options.indexes ?? []).map((index) => (typeof index === 'string' ? index : [...index]));
  for (const index of indexes) {
    for (const field of typeof index === 'string' ? [index] : index) {
      if (field === options.primaryKey && typeof index === 'string') {
        throw new SchemaDefinitionError(`${where}: the primary key is indexed already`);
      }
      checkIndexedField(field, properties, required, where);
    }
  }

  const schema = {
    ...(options.description ? { description: options.description } : {}),
    version: options.version,
    primaryKey: options.primaryKey,
    type: 'object',
    properties,
    required,
    additionalProperties: false as const,
    indexes,
    ...(options.attachments ? { attachments: {} } : {}),
  };
  return deepFreeze(schema) as unknown as RxJsonSchema<Static<T>>;
}
