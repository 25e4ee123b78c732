import { isErrorOf } from '../_shared/errorGuard.js';
import { renderBoth } from '../_shared/messages.js';
import { CprdfopError } from '../errors.js';
import type { PageCursor } from './_internal/paging.js';

/**
 * Why an iterator could not return every record: the server's total and what was received disagree
 * (`count-mismatch`), a page came back empty before the total was reached (`empty-page`), the total
 * changed while paging (`total-changed`), paging cannot reach past the 10,000-record window without a
 * total to check against (`window`), the keyset key is not usable for a total order (`key`: text key,
 * duplicates without a tie-breaker, a null tie-breaker), or the server gave no total at all (`no-total`).
 * @category Errors
 */
export type IncompleteReason =
  | 'count-mismatch'
  | 'empty-page'
  | 'total-changed'
  | 'window'
  | 'key'
  | 'no-total';

/**
 * An iteration that cannot guarantee it returned every record. Never a silently short result: the
 * error names the reason, the server's total and the number received, and carries the `cursor` to
 * resume from (pass it as the `cursor` option of a new call).
 *
 * @example
 * ```ts
 * import { IncompleteResultError } from 'cprdfop/opendata';
 * const error = new IncompleteResultError({ source: 'datastore_search r1', reason: 'empty-page', expected: 10, received: 4 });
 * error.code; // "E_INCOMPLETE_RESULT"
 * error.received; // 4
 * ```
 * @category Errors
 */
export class IncompleteResultError extends CprdfopError {
  override readonly name = 'IncompleteResultError' as const;
  /** What was being iterated (endpoint and dataset or resource). */
  readonly source: string;
  /** Why completeness cannot be guaranteed. */
  readonly reason: IncompleteReason;
  /** The server's total, when it sent one. */
  readonly expected: number | undefined;
  /** Records yielded so far. */
  readonly received: number;
  /** Where a new call can resume, when resuming is possible. */
  readonly cursor: PageCursor | undefined;

  /**
   * @param init - Source, reason, totals, optional detail and cursor.
   */
  constructor(init: {
    source: string;
    reason: IncompleteReason;
    expected?: number | undefined;
    received: number;
    detail?: string | undefined;
    cursor?: PageCursor | undefined;
  }) {
    const values = {
      source: init.source,
      reason: init.reason,
      received: String(init.received),
      expected:
        init.expected !== undefined ? { fr: ` sur ${init.expected}`, en: ` of ${init.expected}` } : '',
      detail: init.detail ? `; ${init.detail}` : '',
    };
    const messages = renderBoth(
      {
        fr: 'résultat incomplet de {source} ({reason}) : {received}{expected} enregistrements reçus{detail}',
        en: 'incomplete result from {source} ({reason}): received {received}{expected} records{detail}',
      },
      values,
    );
    super('E_INCOMPLETE_RESULT', messages);
    // The message has always ended with a short French summary: it stays the same.
    this.message =
      `${messages.en} / résultat incomplet (${init.received}` +
      `${init.expected !== undefined ? ` sur ${init.expected}` : ''} enregistrements)`;
    this.source = init.source;
    this.reason = init.reason;
    this.expected = init.expected;
    this.received = init.received;
    this.cursor = init.cursor;
  }
}

/**
 * Tells whether a value is an {@link IncompleteResultError}.
 *
 * @param value - Anything caught.
 * @returns `true` for an {@link IncompleteResultError}.
 * @example
 * ```ts
 * import { IncompleteResultError, isIncompleteResultError } from 'cprdfop/opendata';
 * isIncompleteResultError(new IncompleteResultError({ source: 's', reason: 'window', received: 0 })); // true
 * ```
 * @category Errors
 */
export function isIncompleteResultError(value: unknown): value is IncompleteResultError {
  return isErrorOf(value, IncompleteResultError, 'IncompleteResultError');
}
