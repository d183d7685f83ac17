import { Type } from 'typebox';
import { describe, expect, it } from 'vitest';
import { EpochMs, StringEnum, SyncedDocument } from '../../../src/shared/schemas/base.js';
import { SchemaDefinitionError, toPlainJsonSchema, toRxSchema } from '../../../src/shared/schemas/rx-schema.js';

const Note = SyncedDocument({
  title: Type.String({ maxLength: 100 }),
  body: Type.String(),
  kind: StringEnum(['memo', 'todo']),
  pinned: Type.Boolean(),
  rating: Type.Number(),
  dueAt: Type.Optional(EpochMs()),
});

describe('toRxSchema', () => {
  it('derives an RxDB schema with the version, key, indexes and attachments asked for', () => {
    const schema = toRxSchema(Note, {
      version: 3,
      primaryKey: 'id',
      indexes: ['title', ['kind', 'updatedAt'], 'pinned'],
      attachments: true,
    });
    expect(schema).toMatchObject({
      version: 3,
      primaryKey: 'id',
      type: 'object',
      additionalProperties: false,
      indexes: ['title', ['kind', 'updatedAt'], 'pinned'],
      attachments: {},
    });
    expect(schema.required).toEqual(expect.arrayContaining(['id', 'createdAt', 'updatedAt', 'deviceId', 'title']));
    expect(schema.required).not.toContain('dueAt');
    expect(schema.properties.kind).toEqual({ type: 'string', enum: ['memo', 'todo'], maxLength: 4 });
    expect(Object.isFrozen(schema.properties)).toBe(true);
  });

  it('refuses to index a string without a maxLength', () => {
    expect(() => toRxSchema(Note, { version: 0, primaryKey: 'id', indexes: ['body'] })).toThrow(
      /indexed string "body" needs a maxLength/,
    );
  });

  it('refuses to index a number without bounds and a multipleOf', () => {
    expect(() => toRxSchema(Note, { version: 0, primaryKey: 'id', indexes: [['kind', 'rating']] })).toThrow(
      /indexed number "rating" needs a finite minimum/,
    );
  });

  it('refuses to index an optional field', () => {
    expect(() => toRxSchema(Note, { version: 0, primaryKey: 'id', indexes: ['dueAt'] })).toThrow(
      SchemaDefinitionError,
    );
  });

  it('refuses a primary key without a maxLength and a negative version', () => {
    const Loose = Type.Object({ key: Type.String() }, { additionalProperties: false });
    expect(() => toRxSchema(Loose, { version: 0, primaryKey: 'key' })).toThrow(/primary key "key"/);
    expect(() => toRxSchema(Note, { version: -1, primaryKey: 'id' })).toThrow(/version/);
  });
});

describe('toPlainJsonSchema', () => {
  it('drops TypeBox’s marker keys, symbols and functions and keeps JSON Schema', () => {
    const marked = Object.defineProperty({ type: 'string', maxLength: 3 }, '~kind', { value: 'String', enumerable: false });
    const withExtras = { ...marked, '~optional': true, [Symbol('x')]: 1, fn: () => 1, items: [marked] };
    expect(toPlainJsonSchema(withExtras)).toEqual({ type: 'string', maxLength: 3, items: [{ type: 'string', maxLength: 3 }] });
  });
});
