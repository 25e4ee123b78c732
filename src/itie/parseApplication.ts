import type { Application } from './Application.js';
import { ApplicationError } from './ApplicationError.js';
import { safeParseApplication } from './safeParseApplication.js';

/**
 * Validates an untrusted application (see {@link safeParseApplication}).
 *
 * @param input - Any JSON value.
 * @returns The typed application.
 * @throws {@link ApplicationError} listing every problem with its path.
 * @example
 * ```ts
 * import { parseApplication } from 'cprdfop/itie';
 * parseApplication({ submittedOn: '2023-04-03' }).submittedOn; // "2023-04-03"
 * ```
 * @category Application
 */
export function parseApplication(input: unknown): Application {
  const r = safeParseApplication(input);
  if (!r.success) throw new ApplicationError(r.issues);
  return r.data;
}
