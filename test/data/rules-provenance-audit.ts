/**
 * The provenance audit of rule sets (data/rules/*.json, examples/**\/*.json): every quote that claims
 * the seed is byte-exact (whitespace normalised only), every cited title and URL is in FACTS.md or the
 * seed, one mark vocabulary, no gloss in guillemets, French typography in the French texts. Pure
 * functions returning one line per problem (file, JSON path, bad value).
 */
import { frenchTypography } from '../../src/_shared/typography.js';
import { knownSources } from './known-sources.js';
import { type AuditTexts, auditGuillemets, collapseWhitespace, MARKS } from './provenance-audit.js';

/** The seed's title line: a rule source whose title contains it cites the seed. */
export const SEED_TITLE_LINE =
  "Hauts-de-France : une centaine de partenaires s'engagent pour la formation et l'orientation professionnelles";

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function walk(value: unknown, path: string, visit: (path: string, value: unknown) => void): void {
  visit(path, value);
  if (Array.isArray(value))
    for (const [index, item] of value.entries()) walk(item, `${path}[${index}]`, visit);
  else if (isRecord(value))
    for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key, visit);
}

/** The title a quote is attributed to: `source` (a parameter's provenance) or `ref` (a criterion's source). */
const citedTitle = (record: Record<string, unknown>): unknown => record.source ?? record.ref;

/**
 * Whether `quote` is byte-exact in `source` after whitespace normalisation only. A cut marked ` […] `
 * splits the quote: each part must then appear, in order.
 */
export function isQuoteOf(quote: string, source: string): boolean {
  let from = 0;
  for (const part of collapseWhitespace(quote).split(/\s*\[…\]\s*/)) {
    if (part.length === 0) return false;
    const at = source.indexOf(part, from);
    if (at < 0) return false;
    from = at + part.length;
  }
  return true;
}

/** Options of {@link auditRuleSetFile}. */
export interface RuleAuditOptions {
  /** Accept titles that declare themselves fictional (`Fictional …`): for the adaptation examples only. */
  allowFictional?: boolean;
  /** Check French typography in `fr` texts (default `true`). */
  typography?: boolean;
}

/** Every problem of one rule-set or application file (`file` only names it). */
export function auditRuleSetFile(
  file: string,
  json: unknown,
  texts: AuditTexts,
  options: RuleAuditOptions = {},
): string[] {
  const problems: string[] = [];
  const seed = collapseWhitespace(texts.seed);
  const facts = collapseWhitespace(texts.facts);
  const urlsCited = `${texts.facts}\n${texts.seed}`;
  const knownTitles = new Map(knownSources.map((source) => [source.title, source]));
  const seedTitle = collapseWhitespace(SEED_TITLE_LINE);
  const seedHasTitle = seed.includes(seedTitle);
  walk(json, '', (path, value) => {
    const at = `${file}:${path || '(root)'}`;
    if (typeof value === 'string') {
      // FACTS.md may give a URL without its scheme (`guide-aides.hautsdefrance.fr/dispositif664`).
      if (/(^|\.)url$/.test(path) && !urlsCited.includes(value.replace(/^https?:\/\//, '')))
        problems.push(`${at}: URL not cited in FACTS.md or the seed: ${JSON.stringify(value)}`);
      // Guillemets quote a source, never a gloss (quotes are checked strictly below).
      if (!/\.quote$/.test(path)) problems.push(...auditGuillemets(at, value, texts));
      if (options.typography !== false && /\.fr$/.test(path) && frenchTypography(value) !== value)
        problems.push(`${at}: French typography not applied: ${JSON.stringify(value)}`);
      return;
    }
    if (!isRecord(value)) return;
    if ('mark' in value && !MARKS.includes(value.mark as (typeof MARKS)[number]))
      problems.push(`${at}.mark: ${JSON.stringify(value.mark)} is not one of ${MARKS.join('/')}`);
    const title = citedTitle(value);
    if (typeof title !== 'string' || !('quote' in value || 'mark' in value || 'ref' in value)) return;
    const citesSeed = seedHasTitle && collapseWhitespace(title).includes(seedTitle);
    const known = knownTitles.get(title);
    const fictional = options.allowFictional === true && /^Fictional\b/.test(title);
    if (!citesSeed && !known && !fictional) {
      problems.push(
        `${at}: cites a source that is neither the seed nor in FACTS.md: ${JSON.stringify(title)}`,
      );
      return;
    }
    if (typeof value.quote !== 'string' || fictional) return;
    const fromSeed = citesSeed || known?.quotesFrom === 'seed';
    if (!isQuoteOf(value.quote, fromSeed ? seed : facts))
      problems.push(
        `${at}.quote: not a byte-exact quote of ${fromSeed ? 'the seed' : 'FACTS.md'}: ${JSON.stringify(value.quote)}`,
      );
  });
  return problems;
}
