import { normalizeName } from '../../_shared/normalizeName.js';

/**
 * What each character up to U+036F becomes in {@link normalizeName}, learnt from `normalizeName`
 * itself on first sight (`normalizeName('a' + char + 'a')`): its letters, `SEPARATOR` (it starts or
 * continues a run that becomes one space), or `''` (dropped: a combining accent).
 */
const SEPARATOR = ' ';
const LAST_TABULATED = 0x036f;
const FALLBACK = '\u0000';
const learnt: Array<string | undefined> = [];

function learn(char: number): string {
  const inner = normalizeName(`a${String.fromCharCode(char)}a`).slice(1, -1);
  // A character that would give letters and a space at once has no single meaning here: `FALLBACK`.
  const value = inner === ' ' ? SEPARATOR : inner.includes(' ') ? FALLBACK : inner;
  learnt[char] = value;
  return value;
}

/**
 * The search key of a name: exactly `normalizeName(name)` (lower case, no accents, `œ` → `oe`, every
 * run of other characters one space, trimmed), one pass over the characters for names within
 * U+0000–U+036F (every commune name), and `normalizeName` itself beyond. `normalizeName` runs six
 * regular-expression passes and an NFD normalisation per name, which is most of the cost of building a
 * search index on first use. Checked against `normalizeName` by a property test.
 * @param name - A commune name.
 * @returns Its normalised search key.
 * @internal
 */
export function searchKey(name: string): string {
  let out = '';
  let pending = false;
  for (let at = 0; at < name.length; at++) {
    const char = name.charCodeAt(at);
    let value: string;
    if ((char >= 0x61 && char <= 0x7a) || (char >= 0x30 && char <= 0x39)) value = name[at] as string;
    else if (char > LAST_TABULATED) return normalizeName(name);
    else value = learnt[char] ?? learn(char);
    if (value === FALLBACK) return normalizeName(name);
    if (value === SEPARATOR) pending = true;
    else if (value !== '') {
      if (pending && out !== '') out += ' ';
      pending = false;
      out += value;
    }
  }
  return out;
}
