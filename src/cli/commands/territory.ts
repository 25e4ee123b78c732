import type { Command } from 'commander';
import { COMMUNE_CODE, POSTAL_CODE, SIREN } from '../../_shared/inseeCodes.js';
import type { Language } from '../../_shared/language.js';
import { type Message, type MessageValue, renderMessage } from '../../_shared/messages.js';
import { normalizeName } from '../../_shared/normalizeName.js';
import {
  arrondissement,
  type Commune,
  type CommuneMatch,
  classifyCommuneCode,
  communesByPostalCode,
  departement,
  type Epci,
  epci,
  epcis,
  InvalidCodeError,
  searchCommunes,
} from '../../territory/index.js';
import { errorText, langOf, say } from '../_support/language.js';
import { COMMON } from '../_support/messages/common.js';
import { TERRITORY, TERRITORY_OUTPUT } from '../_support/messages/territory.js';
import type { CliContext } from '../context.js';
import { CliError, EXIT } from '../exitCodes.js';

interface CommuneHit {
  type: 'commune';
  matchedBy: 'code' | 'old-code' | 'postal-code' | 'name';
  mappedFrom?: string;
  via?: string;
  commune: Commune;
  epci: { siren: string; name: string; type: string } | null;
  arrondissement: { code: string; name: string } | null;
  departement: { code: string; name: string } | null;
}
interface EpciHit {
  type: 'epci';
  matchedBy: 'siren' | 'name';
  epci: Epci;
}
interface OutsideHit {
  type: 'outside-region';
  code: string;
  message: string;
}
type Hit = CommuneHit | EpciHit | OutsideHit;

function communeHit(c: Commune, matchedBy: CommuneHit['matchedBy'], match?: CommuneMatch): CommuneHit {
  const e = c.epci ? epci(c.epci) : undefined;
  const a = c.arrondissement ? arrondissement(c.arrondissement) : undefined;
  const d = departement(c.departement);
  const hit: CommuneHit = {
    type: 'commune',
    matchedBy,
    commune: c,
    epci: e ? { siren: e.siren, name: e.name, type: e.type } : null,
    arrondissement: a ? { code: a.code, name: a.name } : null,
    departement: d ? { code: d.code, name: d.name } : null,
  };
  if (match?.mapped) {
    if (match.mappedFrom) hit.mappedFrom = match.mappedFrom;
    if (match.via) hit.via = match.via;
  }
  return hit;
}

/** Resolves a free query: code, old code, postal code, SIREN or name. Throws InvalidCodeError on a malformed code. */
export function resolveQuery(query: string): Hit[] {
  const q = query.trim();
  if (SIREN.test(q)) {
    const e = epci(q);
    return e ? [{ type: 'epci', matchedBy: 'siren', epci: e }] : [];
  }
  if (COMMUNE_CODE.test(q.toUpperCase())) {
    const code = q.toUpperCase();
    const hits: Hit[] = [];
    const c = classifyCommuneCode(code);
    if (c.kind === 'in-region') {
      hits.push(communeHit(c.match.commune, c.match.mapped ? 'old-code' : 'code', c.match));
    }
    if (POSTAL_CODE.test(code)) {
      for (const pc of communesByPostalCode(code, { region: '32' })) {
        if (!hits.some((h) => h.type === 'commune' && h.commune.code === pc.code))
          hits.push(communeHit(pc, 'postal-code'));
      }
    }
    if (hits.length === 0 && c.kind === 'outside-region')
      hits.push({ type: 'outside-region', code, message: c.message });
    if (hits.length === 0) throw new NoMatch(c.messages);
    return hits;
  }
  if (/^[0-9]/.test(q) || q === '') throw new InvalidCodeError(q, 'commune');
  const n = normalizeName(q);
  const hits: Hit[] = searchCommunes(q, { limit: 20 }).map((c) => communeHit(c, 'name'));
  for (const e of epcis()) {
    if (normalizeName(e.name).includes(n)) hits.push({ type: 'epci', matchedBy: 'name', epci: e });
  }
  return hits;
}

class NoMatch extends Error {
  readonly messages: { fr: string; en: string };
  constructor(messages: { fr: string; en: string }) {
    super(messages.en);
    this.messages = messages;
  }
}

function print(hit: Hit, lang: Language): string {
  const say = (message: Message, values?: Record<string, MessageValue>) =>
    renderMessage(message, lang, values);
  const T = TERRITORY_OUTPUT;
  if (hit.type === 'outside-region') {
    // The library's message is English: in French, told again from the classification's fields.
    const c = classifyCommuneCode(hit.code);
    if (lang === 'en' || c.kind !== 'outside-region') return `${hit.message}\n`;
    const values = {
      code: hit.code,
      departement: c.departement.code,
      region: c.region.name,
    };
    return `${c.currentCode ? say(T.outsideNow, { ...values, current: c.currentCode }) : say(T.outside, values)}\n`;
  }
  if (hit.type === 'epci') {
    const e = hit.epci;
    const lines = [
      say(T.epciLine, {
        siren: e.siren,
        name: e.name,
        type: e.type,
        count: e.members.length,
        departements: e.departements.join(', '),
      }),
    ];
    if (e.crossesRegion) lines.push(say(T.crossesRegion, { count: e.outsideMembers.length }));
    return `${lines.join('\n')}\n`;
  }
  const c = hit.commune;
  const labels = [T.epci, T.arrondissement, T.departement, T.postalCodes].map((label) => say(label));
  const width = Math.max(...labels.map((label) => label.length)) + 1;
  const [epciLabel = '', arrondissementLabel = '', departementLabel = '', postalLabel = ''] = labels.map(
    (label) => label.padEnd(width),
  );
  const lines = [
    say(T.communeLine, {
      code: c.code,
      name: c.name,
      mapped: hit.mappedFrom ? say(T.mappedFrom, { via: hit.via ?? '', code: hit.mappedFrom }) : '',
      population: c.population === null ? T.unknownPopulation : c.population,
    }),
    `  ${epciLabel}${hit.epci ? `${hit.epci.siren} ${hit.epci.name} (${hit.epci.type})` : say(T.none)}`,
    `  ${arrondissementLabel}${hit.arrondissement ? `${hit.arrondissement.code} ${hit.arrondissement.name}` : c.arrondissement}`,
    `  ${departementLabel}${hit.departement ? `${hit.departement.code} ${hit.departement.name}` : c.departement}`,
    `  ${postalLabel}${c.postalCodes.join(', ')}`,
  ];
  return `${lines.join('\n')}\n`;
}

/**
 * `cprdfop territory <query> [--json]`: resolves a commune code, old code, postal code, EPCI SIREN or name.
 * Exit codes: 0 found (also for a code outside the region, printed as such), 1 no match, 65 malformed code.
 */
export function registerTerritory(program: Command, ctx: CliContext): void {
  program
    .command('territory')
    .description(say(ctx, TERRITORY.description))
    .argument(say(ctx, COMMON.queryArgument), say(ctx, TERRITORY.queryArgument))
    .option('--json', say(ctx, TERRITORY.jsonOption))
    .addHelpText('after', say(ctx, TERRITORY.helpAfter))
    .action((parts: string[], opts: { json?: boolean }) => {
      const query = parts.join(' ');
      let hits: Hit[];
      try {
        hits = resolveQuery(query);
      } catch (error) {
        if (error instanceof InvalidCodeError)
          throw new CliError(errorText(error, langOf(ctx)), EXIT.DATAERR);
        if (error instanceof NoMatch) throw new CliError(errorText(error, langOf(ctx)), EXIT.FAILURE);
        throw error;
      }
      if (hits.length === 0) throw new CliError(say(ctx, TERRITORY_OUTPUT.noMatch, { query }), EXIT.FAILURE);
      if (opts.json) ctx.stdout.write(`${JSON.stringify({ query, matches: hits }, null, 2)}\n`);
      else ctx.stdout.write(hits.map((hit) => print(hit, langOf(ctx))).join(''));
    });
}
