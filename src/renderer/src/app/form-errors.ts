// Turns a failed save into what a form shows: the message under the field the API named
// (details.field, e.g. "title" or "salaryMax"), or above the form when it names none.
import { useCallback, useState } from 'react';
import { ApiError } from '../../../shared/api/client';

export interface FormErrors {
  byField: Record<string, string>;
  general: string | null;
}

const NONE: FormErrors = { byField: {}, general: null };

/**
 * Schema-validation messages ("body/password must NOT have fewer than 10 characters") in the words
 * a form shows under the field. Unknown phrasings keep the server's text, without its path prefix.
 */
export function readableValidationMessage(message: string): string {
  const text = message.replace(/^(body|querystring|params)(\/[\w.-]+)*\s+/, '');
  const rules: [RegExp, (m: RegExpMatchArray) => string][] = [
    [/must NOT have fewer than (\d+) characters/, (m) => `Use at least ${m[1]} characters.`],
    [/must NOT have more than (\d+) characters/, (m) => `Use at most ${m[1]} characters.`],
    [/must match format "email"/, () => 'Enter a valid e-mail address.'],
    [/must match pattern/, () => 'Contains characters that are not allowed here.'],
    [/must have required property/, () => 'This is required.'],
    [/must be >= (\S+)/, (m) => `Enter ${m[1]} or more.`],
    [/must be <= (\S+)/, (m) => `Enter ${m[1]} or less.`],
  ];
  for (const [pattern, say] of rules) {
    const match = text.match(pattern);
    if (match) return say(match);
  }
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function toFormErrors(error: unknown, fields: readonly string[]): FormErrors {
  if (error instanceof ApiError) {
    // "emails.0" belongs to the "emails" field of the form.
    const field = error.field?.split('.')[0];
    const message = error.code === 'VALIDATION' ? readableValidationMessage(error.message) : error.message;
    if (field && fields.includes(field)) return { byField: { [field]: message }, general: null };
    return { byField: {}, general: error.message };
  }
  return { byField: {}, general: error instanceof Error ? error.message : String(error) };
}

/** Form submit state: busy while saving, errors by field after a failure. */
export function useFormSubmit(fields: readonly string[]) {
  const [errors, setErrors] = useState<FormErrors>(NONE);
  const [busy, setBusy] = useState(false);
  const run = useCallback(
    async (action: () => Promise<void>): Promise<boolean> => {
      setBusy(true);
      setErrors(NONE);
      try {
        await action();
        return true;
      } catch (error) {
        setErrors(toFormErrors(error, fields));
        return false;
      } finally {
        setBusy(false);
      }
    },
    [fields],
  );
  return { errors, setErrors, busy, run };
}
