/**
 * The provenance audit of data/plan, as pure functions returning the problems found (one line each,
 * naming the file, the JSON path and the bad value), so that the test can also check that each rule
 * catches the mistake it is meant to catch.
 */
import { frenchTypography } from '../../src/_shared/typography.js';
import { type KnownSource, knownSources, UNNAMED_SOURCE_TITLE } from './known-sources.js';

/** The mark vocabulary of the plan data (and of `Mark` in src/model/provenance.ts). */
export const MARKS = ['confirmed', 'inferred', 'assumption'] as const;

/** Collapses every run of whitespace (no-break spaces included) to one space. Nothing else. */
export const collapseWhitespace = (text: string): string => text.replace(/\s+/gu, ' ').trim();

/**
 * For prose (justifications, labels) only: typeset French text has ’ where the transcription has ',
 * and no-break spaces inside « »; a passage between guillemets is compared with both folded.
 */
const foldProse = (text: string): string => collapseWhitespace(text.replace(/[’‘]/g, "'"));

export interface AuditTexts {
  /** FACTS.md, as read. */
  facts: string;
  /** The seed article, as read. */
  seed: string;
}

interface Found {
  path: string;
  value: unknown;
}

function walk(value: unknown, path: string, visit: (found: Found) => void): void {
  visit({ path, value });
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) walk(item, `${path}[${index}]`, visit);
  } else if (value && typeof value === 'object')
    for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key, visit);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isProvenance = (value: unknown): boolean =>
  isRecord(value) && isRecord(value.source) && 'mark' in value;
const isLocalized = (value: unknown): value is { fr: string; en: string } =>
  isRecord(value) && typeof value.fr === 'string' && typeof value.en === 'string';

/** Every problem of one data file (`file` is only used to name it). */
export function auditPlanFile(file: string, json: unknown, texts: AuditTexts): string[] {
  const problems: string[] = [];
  const facts = collapseWhitespace(texts.facts);
  const seed = collapseWhitespace(texts.seed);
  const byTitle = new Map<string, KnownSource>(knownSources.map((source) => [source.title, source]));
  const urlsCited = `${texts.facts}\n${texts.seed}`;
  let provenances = 0;

  walk(json, '', ({ path, value }) => {
    const at = `${file}:${path || '(root)'}`;

    // Every value has a provenance: each record of a top-level array, each fact with a text or a date,
    // each link to an ambition, each alias.
    if (isRecord(value) && !isProvenance(value)) {
      const isTopRecord = /^\[\d+\]$/.test(path) || path === '';
      const isFact = isLocalized(value.text) || typeof value.date === 'string' || 'ambition' in value;
      const isAlias = /\.aliases\[\d+\]$/.test(path);
      if ((isTopRecord || isFact || isAlias) && !isProvenance(value.provenance))
        problems.push(`${at}: a value without a provenance`);
    }

    // No closed list without a justification: a list of plain values (ids, codes) is justified by the
    // provenance next to it (`<key>Provenance`, else `provenance`).
    if (isRecord(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (!Array.isArray(item) || item.length === 0 || item.some((element) => typeof element === 'object'))
          continue;
        const beside = value[`${key}Provenance`] ?? value.provenance;
        if (!isRecord(beside) || !isProvenance(beside) || beside.justification === undefined)
          problems.push(`${at}.${key}: a closed list with no justification beside it`);
      }
    }

    // The French names and titles of the package (plain strings) are typeset too.
    if (isRecord(value)) {
      for (const key of ['title', 'name', 'legalBasis']) {
        const text = value[key];
        if (typeof text === 'string' && frenchTypography(text) !== text)
          problems.push(`${at}.${key}: French typography not applied: ${JSON.stringify(text)}`);
      }
    }

    // An alias that reproduces the seed's wording is byte-exact, like a quote.
    if (isRecord(value) && typeof value.text === 'string' && isRecord(value.provenance)) {
      const cited = byTitle.get(String((value.provenance.source as { title?: unknown } | undefined)?.title));
      if (cited?.quotesFrom === 'seed' && !seed.includes(collapseWhitespace(value.text)))
        problems.push(`${at}.text: not a byte-exact wording of the seed: ${JSON.stringify(value.text)}`);
    }

    // French typography in the French texts of the package; guillemets quote a source, never a gloss.
    if (isLocalized(value) && frenchTypography(value.fr) !== value.fr)
      problems.push(`${at}.fr: French typography not applied: ${JSON.stringify(value.fr)}`);
    if (typeof value === 'string' && !/\.quote$/.test(path))
      problems.push(...auditGuillemets(at, value, texts));

    if (!isRecord(value) || !isProvenance(value)) return;
    provenances++;
    const source = value.source as { title?: unknown; url?: unknown };
    const title = typeof source.title === 'string' ? source.title : '';
    const known = byTitle.get(title);
    if (!known) problems.push(`${at}.source.title: not a known source: ${JSON.stringify(source.title)}`);
    if (source.url !== undefined) {
      if (typeof source.url !== 'string' || !urlsCited.includes(source.url))
        problems.push(`${at}.source.url: not cited in FACTS.md or the seed: ${JSON.stringify(source.url)}`);
      else if (known && known.url !== source.url)
        problems.push(`${at}.source.url: ${source.url} is not the URL of ${JSON.stringify(title)}`);
    }
    if (!MARKS.includes(value.mark as (typeof MARKS)[number]))
      problems.push(`${at}.mark: ${JSON.stringify(value.mark)} is not one of ${MARKS.join('/')}`);
    if (value.mark === 'confirmed' && title === UNNAMED_SOURCE_TITLE)
      problems.push(`${at}.mark: confirmed, but the source names no page`);
    if (value.mark !== 'confirmed' && value.justification === undefined)
      problems.push(`${at}.justification: an ${String(value.mark)} value without a justification`);
    if (value.justification !== undefined && !isLocalized(value.justification))
      problems.push(
        `${at}.justification: not bilingual ({ fr, en }): ${JSON.stringify(value.justification)}`,
      );
    if (typeof value.quote === 'string' && known) {
      const quote = collapseWhitespace(value.quote);
      const fromSeed = known.quotesFrom === 'seed';
      if (!(fromSeed ? seed : facts).includes(quote))
        problems.push(
          `${at}.quote: not a byte-exact quote of ${fromSeed ? 'the seed' : 'FACTS.md'}: ${JSON.stringify(value.quote)}`,
        );
    }
  });
  if (provenances === 0) problems.push(`${file}: no provenance at all`);
  return problems;
}

/**
 * Guillemets quote a source, never a gloss: every passage between « » in a prose text (French
 * typography and apostrophes folded, see `foldProse`; a cut `[…]` and the case of the first letter
 * allowed) is in FACTS.md or the seed. The `quote` fields are checked strictly, not by this.
 */
export function auditGuillemets(where: string, text: string, texts: AuditTexts): string[] {
  const sources = [foldProse(texts.facts), foldProse(texts.seed)];
  const problems: string[] = [];
  for (const match of text.matchAll(/«([^»]*)»/g)) {
    const quoted = foldProse(match[1] ?? '');
    // A quotation in prose may cut the source ([…]) and capitalise its first letter: each part is
    // looked for, its first letter in either case.
    const parts = quoted.split(/\s*\[…\]\s*/).filter((part) => part.length > 0);
    const found = (part: string) =>
      sources.some(
        (source) =>
          source.includes(part) ||
          source.includes(part.charAt(0).toLowerCase() + part.slice(1)) ||
          source.includes(part.charAt(0).toUpperCase() + part.slice(1)),
      );
    if (parts.length === 0 || !parts.every(found))
      problems.push(`${where}: « ${quoted} » is in guillemets but is in neither FACTS.md nor the seed`);
  }
  return problems;
}

/** Every known source is attested by its passage in FACTS.md. */
export function auditKnownSources(factsText: string): string[] {
  const facts = collapseWhitespace(factsText);
  return knownSources
    .filter((source) => !facts.includes(collapseWhitespace(source.attestedBy)))
    .map((source) => `${JSON.stringify(source.title)}: its passage is not in FACTS.md: ${source.attestedBy}`);
}
