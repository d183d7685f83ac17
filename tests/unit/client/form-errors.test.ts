// How a failed save becomes messages by the field of a form (renderer app/form-errors.ts).
import { describe, expect, it } from 'vitest';
import { readableValidationMessage, toFormErrors } from '../../../src/renderer/src/app/form-errors.js';
import { ApiError } from '../../../src/shared/api/client.js';

describe('form errors', () => {
  it('puts a validation error under the field the API named, in plain words', () => {
    const error = new ApiError(400, 'VALIDATION', 'body/password must NOT have fewer than 10 characters', { field: 'password' });
    expect(toFormErrors(error, ['username', 'password'])).toEqual({ byField: { password: 'Use at least 10 characters.' }, general: null });
  });

  it('files a nested field under its form field ("emails.0" under "emails")', () => {
    const error = new ApiError(400, 'VALIDATION', 'body/emails/0 must match format "email"', { field: 'emails.0' });
    expect(toFormErrors(error, ['name', 'emails']).byField).toEqual({ emails: 'Enter a valid e-mail address.' });
  });

  it('shows a conflict, or an error about a field the form does not have, above the form', () => {
    const conflict = new ApiError(409, 'CONFLICT', 'A candidate with this e-mail already exists.', { field: 'primaryEmail' });
    expect(toFormErrors(conflict, ['name'])).toEqual({ byField: {}, general: 'A candidate with this e-mail already exists.' });
    expect(toFormErrors(new Error('offline'), ['name'])).toEqual({ byField: {}, general: 'offline' });
  });

  it('keeps an unknown validation phrasing, without its request-path prefix', () => {
    expect(readableValidationMessage('body/title must be string')).toBe('Must be string');
    expect(readableValidationMessage('querystring/limit must be <= 100')).toBe('Enter 100 or less.');
  });
});
