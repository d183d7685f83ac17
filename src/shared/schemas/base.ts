// Building blocks every collection schema shares: the fields sync needs on every document, and
// field types whose constraints RxDB requires when they are indexed (strings need maxLength,
// numbers need minimum/maximum/multipleOf).
import { Type, type TEnum, type TObject, type TObjectOptions, type TProperties, type TSchemaOptions } from 'typebox';

/** Primary keys and references to other documents. */
export const ID_MAX_LENGTH = 64;

/** Largest epoch-millisecond value a JavaScript Date can hold (year 275760). */
export const EPOCH_MS_MAX = 8_640_000_000_000_000;

/** A document id (or a reference to one). */
export const Id = (options: TSchemaOptions = {}) =>
  Type.String({ minLength: 1, maxLength: ID_MAX_LENGTH, ...options });

/**
 * A reference that may be unset, stored as `''` rather than left out: indexed fields must always be
 * present so that "not linked yet" is itself an indexed, queryable value.
 */
export const OptionalRef = (description: string) =>
  Type.String({ maxLength: ID_MAX_LENGTH, description: `${description} Empty string when unset.` });

/** A point in time as integer epoch milliseconds (UTC), indexable. */
export const EpochMs = (options: TSchemaOptions = {}) =>
  Type.Integer({ minimum: 0, maximum: EPOCH_MS_MAX, multipleOf: 1, ...options });

/** A non-negative whole count (attempts, sizes, tokens), indexable. */
export const Count = (options: TSchemaOptions = {}) =>
  Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER, multipleOf: 1, ...options });

/** A 0–100 score. */
export const Score = (options: TSchemaOptions = {}) =>
  Type.Number({ minimum: 0, maximum: 100, ...options });

/** A bounded string; every string stored gets an upper bound so no field can grow without limit. */
export const Text = (maxLength: number, options: TSchemaOptions = {}) =>
  Type.String({ maxLength, ...options });

/** A string that must not be empty. */
export const NonEmptyText = (maxLength: number, options: TSchemaOptions = {}) =>
  Type.String({ minLength: 1, maxLength, ...options });

/** An e-mail address. */
export const Email = (options: TSchemaOptions = {}) =>
  Type.String({ format: 'email', maxLength: 254, ...options });

/** A list of short strings (skills, tags), bounded in count and length. */
export const StringList = (itemMaxLength: number, maxItems: number, options: TSchemaOptions = {}) =>
  Type.Array(Type.String({ minLength: 1, maxLength: itemMaxLength }), { maxItems, ...options });

/**
 * A closed set of string values. It carries `type: 'string'` and a `maxLength` so that it is valid
 * under ajv's strict mode and can be indexed by RxDB.
 */
export function StringEnum<const Values extends string[]>(
  values: readonly [...Values],
  options: TSchemaOptions = {},
): TEnum<Values> {
  const maxLength = Math.max(...values.map((v) => v.length));
  return Type.Enum(values, { type: 'string', maxLength, ...options });
}

/**
 * The fields every synced document carries. `updatedAt` and `deviceId` are what replication and the
 * conflict handler merge on; `createdAt` is kept from the first write. All three are stamped by the
 * database on every write (core/db/write-stamp.ts), so callers cannot forget them.
 */
export const SyncedFields = {
  id: Id({ description: 'Primary key.' }),
  createdAt: EpochMs({ description: 'When the document was first written (epoch ms).' }),
  updatedAt: EpochMs({ description: 'When the document was last written (epoch ms).' }),
  deviceId: Id({ description: 'The device that last wrote the document.' }),
};

/** The fields the database stamps on every write; request bodies omit them (`Type.Omit`). */
export const STAMPED_FIELDS = ['createdAt', 'updatedAt', 'deviceId'] as const;
export type StampedField = (typeof STAMPED_FIELDS)[number];

/**
 * A synced document: the common fields plus the collection's own. Unknown fields are rejected, so a
 * misspelt field fails validation instead of being stored silently.
 */
export function SyncedDocument<Properties extends TProperties>(
  properties: Properties,
  options: TObjectOptions = {},
): TObject<typeof SyncedFields & Properties> {
  return Type.Object({ ...SyncedFields, ...properties }, { additionalProperties: false, ...options });
}
