import * as v from 'valibot';
import { RequestValidationError } from './http-errors.js';

/** valibot at the edge: every failure becomes 400 VALIDATION_ERROR with one message per field. */
export function parseOrThrow<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  part: string,
): v.InferOutput<S> {
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return result.output;
  const details: Record<string, string> = {};
  for (const issue of result.issues) {
    const path = v.getDotPath(issue);
    const field = path ?? part;
    details[field] ??= messageOf(issue, path);
  }
  throw new RequestValidationError(details);
}

function messageOf(issue: v.BaseIssue<unknown>, path: string | null): string {
  if (issue.type === 'strict_object' || (issue.expected === 'never' && path !== null)) return 'Unknown field';
  if (issue.input === undefined && issue.kind === 'schema') return 'Required';
  return issue.message;
}
