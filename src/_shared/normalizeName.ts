/** Name normalisation for search (communes, EPCIs): shared by `territory` and the CLI. Internal. */
/**
 * Normalises a name for search: no accents, lower case, œ/æ expanded, and every run of spaces,
 * hyphens, apostrophes and other punctuation turned into one space.
 */
export function normalizeName(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}
