/** Territory predicates, backed by the compile option `territory` (a `TerritoryProvider`). */
import { renderBoth } from '../../_shared/messages.js';
import { RuleSetError } from '../errors.js';
import type { TerritoryRef } from '../TerritoryProvider.js';
import {
  argumentList,
  type Compiled,
  type EvaluationContext,
  isList,
  isUnknown,
  merge,
  NONE,
  type OperatorEntry,
  type OperatorSignature,
  operator,
  type Unknown,
} from './_kernel.js';

type TerritoryKind = 'inRegion' | 'outsideRegion' | 'communes' | 'units' | 'withinOne';

/** A territory reference from a value: a code, a list of commune codes or `{ communes, epcis, … }`. */
function toReference(value: unknown): TerritoryRef | undefined {
  if (typeof value === 'string') return { communes: [value] };
  if (isList(value))
    return value.every((code) => typeof code === 'string') ? { communes: value as string[] } : undefined;
  if (value === null || typeof value !== 'object') return undefined;
  const reference: Record<string, readonly string[]> = {};
  for (const key of ['communes', 'epcis', 'arrondissements', 'departements']) {
    if (!Object.hasOwn(value, key)) continue;
    const codes = (value as Record<string, unknown>)[key];
    if (codes == null) continue;
    if (!isList(codes) || !codes.every((code) => typeof code === 'string')) return undefined;
    reference[key] = codes as string[];
  }
  return reference;
}

const territory = (
  kind: TerritoryKind,
  signature: Pick<OperatorSignature, 'unary' | 'arity' | 'operands' | 'result'>,
): OperatorEntry =>
  operator({
    name: kind,
    family: 'territory',
    ...signature,
    missing: 'strict',
    compile: ({ argument, state, at, operand, operands }) => {
      const provider = state.territory;
      if (!provider)
        throw new RuleSetError(
          at,
          renderBoth(
            {
              fr: '« {kind} » a besoin d’un fournisseur de territoire (option de compilation « territory »)',
              en: '"{kind}" needs a territory provider (compile option "territory")',
            },
            { kind },
          ),
        );
      const meshed = kind === 'units' || kind === 'withinOne';
      const compiled: Compiled[] = meshed ? operands(argumentList(argument, at, 2)) : [operand(argument)];
      return (context: EvaluationContext) => {
        const values = compiled.map((evaluate) => evaluate(context));
        let unknown: Unknown | undefined;
        for (const value of values) if (isUnknown(value)) unknown = merge(unknown, value);
        if (unknown) return unknown;
        const [place, mesh] = values;
        let resolved = context.territoryCache?.get(place);
        if (!resolved) {
          const reference = toReference(place);
          if (!reference) return NONE;
          resolved = provider.resolve(reference);
          if (!context.territoryCache) context.territoryCache = new Map();
          context.territoryCache.set(place, resolved);
          if (resolved.warnings.length) {
            if (!context.warnings) context.warnings = [];
            const warnings = context.warnings;
            for (const warning of resolved.warnings)
              if (!warnings.some((known) => known.message === warning.message))
                warnings.push(
                  Object.freeze({
                    code: warning.code,
                    message: warning.message,
                    ...(warning.messages ? { messages: Object.freeze({ ...warning.messages }) } : {}),
                  }),
                );
          }
        }
        if (kind === 'outsideRegion') return resolved.outside;
        if (resolved.invalid.length > 0 || (resolved.communes.length === 0 && resolved.outside.length === 0))
          return NONE;
        if (kind === 'inRegion') return resolved.outside.length === 0;
        if (kind === 'communes') return resolved.communes;
        if (typeof mesh !== 'string') return NONE;
        const units = resolved.units(mesh);
        if (!units) return NONE;
        return kind === 'units' ? units : resolved.outside.length === 0 && units.length === 1;
      };
    },
  });

/** The operators of the `territory` family. */
export const territoryOperators = () => [
  territory('inRegion', { unary: true, operands: ['any'], result: 'boolean' }),
  territory('outsideRegion', { unary: true, operands: ['any'], result: 'list' }),
  territory('communes', { unary: true, operands: ['any'], result: 'list' }),
  territory('units', { arity: [2, 2], operands: ['any', 'string'], result: 'list' }),
  territory('withinOne', { arity: [2, 2], operands: ['any', 'string'], result: 'boolean' }),
];
