import * as v from 'valibot';
import { RequestValidationError } from './http-errors.js';

const OBJECT_TYPE = /(^|_)object(_|$)/;

/** valibot at the edge: every failure becomes 400 VALIDATION_ERROR with one message per field. */
export function parseOrThrow<S extends v.GenericSchema>(
  schema: S,
  input: unknown,
  part: string,
): v.InferOutput<S> {
  // valibot's object schemas accept arrays (their keys are indices); a JSON array is never an object
  if (Array.isArray(input) && isObjectSchema(schema)) {
    throw new RequestValidationError({ [part]: 'Must be a JSON object' });
  }
  const result = v.safeParse(schema, input, { abortPipeEarly: true });
  if (result.success) return result.output;
  // A Map, not a plain object: a field named `__proto__` or `constructor` must still be reported.
  const details = new Map<string, string>();
  for (const issue of result.issues) {
    const path = v.getDotPath(issue);
    const field = path ?? part;
    if (!details.has(field)) details.set(field, messageOf(issue, path));
  }
  throw new RequestValidationError(Object.fromEntries(details));
}

function messageOf(issue: v.BaseIssue<unknown>, path: string | null): string {
  // strict objects report an unknown key as expecting `never` and a missing key with no input
  if (issue.expected === 'never' && path !== null) return 'Unknown field';
  if (issue.input === undefined && issue.kind === 'schema') return 'Required';
  if (path === null && OBJECT_TYPE.test(issue.type)) return 'Must be a JSON object';
  return issue.message;
}

/** A pipe reports its first schema's type, so this also sees through `v.pipe(v.strictObject(…), …)`. */
function isObjectSchema(schema: v.GenericSchema): boolean {
  return OBJECT_TYPE.test(schema.type);
}
