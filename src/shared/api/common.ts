// Shapes every API route shares: paging, the error body, id parameters. Route schemas are built
// from these and from the collection schemas, so the REST contract has one source.
import { Type, type Static, type TSchema } from 'typebox';

export const MAX_PAGE_SIZE = 100;

export const PageQuery = Type.Object(
  {
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20, description: `How many items (1–${MAX_PAGE_SIZE}).` })),
    skip: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000, default: 0, description: 'How many items to skip.' })),
  },
  { additionalProperties: false },
);
export type PageQuery = Static<typeof PageQuery>;

/** A page of items with the total count, so a list can show "21–40 of 523". */
export const Page = <T extends TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer({ minimum: 0 }), limit: Type.Integer(), skip: Type.Integer() });

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String({ description: 'Stable machine-readable code, e.g. NOT_FOUND, VALIDATION, CONFLICT.' }),
      message: Type.String({ description: 'What went wrong, in words a user can act on.' }),
      details: Type.Optional(Type.Unknown()),
    }),
  },
  { description: 'Every failure has this shape.' },
);

/** The error responses every authenticated route can give, for its OpenAPI entry. */
export const AUTH_ERRORS = { 401: ErrorResponse, 403: ErrorResponse } as const;

export const IdParams = (name: string) => Type.Object({ [name]: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false });

export const OkResponse = Type.Object({ ok: Type.Literal(true) });
