import { type Message, renderBoth } from '../_shared/messages.js';
import { normalizeName } from '../_shared/normalizeName.js';
import type { RuleWarning } from '../rules/index.js';
import type { Application } from './Application.js';

type Partner = NonNullable<Application['partners']>[number];
type Carrier = NonNullable<Application['carrier']>;

/** The structures of an application once each is counted once, and the warnings naming the repeats. */
export interface CountedPartners {
  /** The partners that are neither the carrier nor a repeat of an earlier partner, in their order. */
  readonly partners: readonly Partner[];
  readonly warnings: readonly RuleWarning[];
}

/**
 * Whether two structures are the same: by SIRET when both give one, else by normalised name when both
 * give one (`normalizeName`: case, accents, punctuation and spacing ignored). A structure with neither
 * is never the same as another (it cannot be identified: it counts as given).
 */
function sameStructure(
  first: { name?: string | undefined; siret?: string | undefined },
  second: { name?: string | undefined; siret?: string | undefined },
): boolean {
  if (first.siret !== undefined && second.siret !== undefined) return first.siret === second.siret;
  if (first.name === undefined || second.name === undefined) return false;
  const firstName = normalizeName(first.name);
  return firstName.length > 0 && firstName === normalizeName(second.name);
}

const describe = (partner: Partner, index: number): Message => {
  const siret = partner.siret === undefined ? '' : ` (SIRET ${partner.siret})`;
  return {
    fr: `partners[${index}]${partner.name === undefined ? '' : ` «\u202f${partner.name}\u202f»`}${siret}`,
    en: `partners[${index}]${partner.name === undefined ? '' : ` "${partner.name}"`}${siret}`,
  };
};

/** A warning in both languages (`message` is the English one). */
const warning = (code: string, messages: Message): RuleWarning => ({ code, message: messages.en, messages });

/**
 * Counts each structure once: a partner that is the carrier, or that repeats an earlier partner, is
 * left out of the partners the rules count, with a `duplicate-structure` warning naming it.
 *
 * @param carrier - The carrier, when given.
 * @param partners - The partners as given.
 * @returns The partners to count and the warnings.
 */
export function countedPartners(carrier: Carrier | undefined, partners: readonly Partner[]): CountedPartners {
  const kept: Partner[] = [];
  const keptIndexes: number[] = [];
  const warnings: RuleWarning[] = [];
  partners.forEach((partner, index) => {
    if (carrier && sameStructure(partner, carrier)) {
      warnings.push(
        warning(
          'duplicate-structure',
          renderBoth(
            {
              fr: '{partner} est le porteur lui-même : compté une fois, comme porteur',
              en: '{partner} is the carrier itself: counted once, as the carrier',
            },
            { partner: describe(partner, index) },
          ),
        ),
      );
      return;
    }
    const earlier = kept.findIndex((other) => sameStructure(partner, other));
    if (earlier >= 0) {
      warnings.push(
        warning(
          'duplicate-structure',
          renderBoth(
            {
              fr: '{partner} répète {earlier} : compté une fois',
              en: '{partner} repeats {earlier}: counted once',
            },
            { partner: describe(partner, index), earlier: `partners[${keptIndexes[earlier]}]` },
          ),
        ),
      );
      return;
    }
    kept.push(partner);
    keptIndexes.push(index);
  });
  return { partners: kept, warnings };
}
