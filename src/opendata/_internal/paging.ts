/**
 * Where a paged iteration stands, after the last record it yielded. Plain JSON: store it and pass it
 * back as the `cursor` option of the same call (same query) to resume after a failure.
 * - `offset`: CKAN and Opendatasoft offset paging (`offset` records consumed).
 * - `keyset`: Opendatasoft keyset paging; `last` is the key (and tie-breaker) of the last record,
 *   `nulls` how many records with a null key were consumed (they are read after the others).
 * - `export`: an Opendatasoft export; `offset` lines consumed (resuming re-reads and skips them).
 * `yielded` counts every record since the first call, so the final count check spans resumptions.
 */
export type PageCursor =
  | { kind: 'offset'; offset: number; yielded: number; total?: number | undefined }
  | {
      kind: 'keyset';
      last?: (string | number)[] | undefined;
      nulls: number;
      yielded: number;
      total?: number | undefined;
    }
  | { kind: 'export'; offset: number; yielded: number; total?: number | undefined };

/**
 * An async iterator of records that also tells where it stands.
 * @category Paging
 */
export type PagedIterator<T> = AsyncGenerator<T, void, undefined> & {
  /** The position after the last record yielded (a copy). */
  readonly cursor: PageCursor;
};

/** Attaches a live `cursor` getter to a generator. */
export function withCursor<T>(
  generator: AsyncGenerator<T, void, undefined>,
  cursor: () => PageCursor,
): PagedIterator<T> {
  Object.defineProperty(generator, 'cursor', {
    get: () => structuredClone(cursor()),
    enumerable: true,
  });
  return generator as PagedIterator<T>;
}
