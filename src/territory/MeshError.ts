import { CprdfopError } from '../errors.js';

/**
 * Thrown when a mesh cannot be loaded: unreadable JSON/CSV, missing columns, or a commune listed more
 * than once (the message lists the line numbers for CSV, the unit codes for JSON).
 *
 * @example
 * ```ts
 * import { MeshError, parseMeshCsv } from 'cprdfop/territory';
 * try {
 *   parseMeshCsv('commune;unit\n59350;A\n59350;B\n');
 * } catch (error) {
 *   if (error instanceof MeshError) console.log(error.lines); // [2, 3]
 * }
 * ```
 * @category Errors
 */
export class MeshError extends CprdfopError {
  /** The 1-based line numbers involved (CSV input), empty otherwise. */
  readonly lines: readonly number[];

  /**
   * @param message - What is wrong, naming the value and where it is: `{ fr, en }`, or one English string.
   * @param lines - 1-based line numbers involved (CSV).
   */
  constructor(message: string | { fr: string; en: string }, lines: readonly number[] = []) {
    super('E_MESH', message);
    this.name = 'MeshError';
    this.lines = lines;
  }
}
