import { z } from 'zod';
import { ARRONDISSEMENT_CODE, COMMUNE_CODE, DEPARTEMENT_CODE, SIREN, SIRET } from '../_shared/inseeCodes.js';
import { isoDateSchema } from '../_shared/isoDateSchema.js';

const ISO_DATE = isoDateSchema();
const COMMUNE = z.string().regex(COMMUNE_CODE, 'a 5-character commune code (INSEE)');

/**
 * Legal form of the carrier of an ITIE application.
 * @example
 * ```ts
 * import { LegalForm } from 'cprdfop/itie';
 * LegalForm.parse('association'); // "association"
 * ```
 * @category Application
 */
export const LegalForm = z.enum([
  'association',
  'collectivite-territoriale',
  'epci',
  'etablissement-public',
  'entreprise',
  'siae',
  'groupement',
  'autre',
]);
/** @category Application */
export type LegalForm = z.infer<typeof LegalForm>;

/**
 * Kind of a partner structure.
 * @example
 * ```ts
 * import { PartnerType } from 'cprdfop/itie';
 * PartnerType.parse('service-public-emploi'); // "service-public-emploi"
 * ```
 * @category Application
 */
export const PartnerType = z.enum([
  'etat',
  'region',
  'departement',
  'commune',
  'epci',
  'service-public-emploi',
  'organisme-formation',
  'association',
  'entreprise',
  'branche-professionnelle',
  'organisation-syndicale',
  'organisation-employeurs',
  'chambre-consulaire',
  'siae',
  'autre',
]);
/** @category Application */
export type PartnerType = z.infer<typeof PartnerType>;

/**
 * A public targeted by a project. The list is open (the seed lists no public): `autre` is any other
 * public, described in `publicsOther`; the needs criterion it alone would decide stays undetermined,
 * for an instructor to judge, and `checkApplication` warns (`unlisted-value`).
 * @example
 * ```ts
 * import { TargetPublic } from 'cprdfop/itie';
 * TargetPublic.parse('beneficiaires-rsa'); // "beneficiaires-rsa"
 * ```
 * @category Application
 */
export const TargetPublic = z.enum([
  'demandeurs-emploi',
  'demandeurs-emploi-longue-duree',
  'jeunes',
  'jeunes-sans-qualification',
  'beneficiaires-rsa',
  'personnes-handicap',
  'seniors',
  'residents-qpv',
  'salaries',
  'salaries-reconversion',
  'entreprises',
  'autre',
]);
/** @category Application */
export type TargetPublic = z.infer<typeof TargetPublic>;

/**
 * A theme of a project. The list is open (the seed's ends with « etc. »): `autre` is any other theme,
 * described in `themesOther`; the criterion it alone would decide stays undetermined, for an
 * instructor to judge, and `checkApplication` warns (`unlisted-value`).
 * @example
 * ```ts
 * import { Theme } from 'cprdfop/itie';
 * Theme.parse('mobilite'); // "mobilite"
 * ```
 * @category Application
 */
export const Theme = z.enum([
  'accueil',
  'formation',
  'insertion',
  'integration',
  'mobilite',
  'transition-reconversion',
  'attractivite-metiers',
  'recrutement',
  'autre',
]);
/** @category Application */
export type Theme = z.infer<typeof Theme>;

/**
 * An ITIE application. Every field may be absent (the verdict is then `undetermined` and `missing` says
 * what to ask); a present field must be well-formed. Territory codes are checked against the territory
 * graph by `checkApplication` (an unknown code of a Hauts-de-France département is invalid; a code of
 * another département is outside the region, which fails a criterion). An empty partner (`{}`) is
 * invalid; a structure named twice counts once (see `checkApplication`).
 *
 * @example
 * ```ts
 * import { Application } from 'cprdfop/itie';
 * Application.parse({ themes: ['mobilite'], budget: { total: 80000, requested: 40000 } }).themes; // ["mobilite"]
 * ```
 * @category Application
 */
export const Application = z.strictObject({
  $schema: z.string().optional(),
  title: z.string().min(1).optional(),
  carrier: z
    .strictObject({
      name: z.string().min(1).optional(),
      legalForm: LegalForm.optional(),
      siret: z.string().regex(SIRET, 'a 14-digit SIRET').optional(),
      commune: COMMUNE.optional(),
    })
    .optional(),
  partners: z
    .array(
      z
        .strictObject({
          name: z.string().min(1).optional(),
          type: PartnerType.optional(),
          siret: z.string().regex(SIRET, 'a 14-digit SIRET').optional(),
        })
        .refine(
          (partner) =>
            partner.name !== undefined || partner.siret !== undefined || partner.type !== undefined,
          'an empty partner: give at least its name, its SIRET or its type',
        ),
    )
    .max(1000)
    .optional(),
  territory: z
    .strictObject({
      communes: z.array(COMMUNE).max(5000).optional(),
      epcis: z.array(z.string().regex(SIREN, 'a 9-digit EPCI SIREN')).max(500).optional(),
      arrondissements: z
        .array(z.string().regex(ARRONDISSEMENT_CODE, 'an arrondissement code (INSEE), e.g. 595'))
        .max(100)
        .optional(),
      departements: z
        .array(z.string().regex(DEPARTEMENT_CODE, 'a département code (INSEE), e.g. 59'))
        .max(100)
        .optional(),
    })
    .refine(
      (t) =>
        (t.communes?.length ?? 0) +
          (t.epcis?.length ?? 0) +
          (t.arrondissements?.length ?? 0) +
          (t.departements?.length ?? 0) >
        0,
      'a territory lists at least one code',
    )
    .optional(),
  publics: z.array(TargetPublic).max(50).optional(),
  publicsOther: z.string().trim().min(1).max(500).optional(),
  themes: z.array(Theme).max(50).optional(),
  themesOther: z.string().trim().min(1).max(500).optional(),
  budget: z
    .strictObject({
      total: z.number().finite().nonnegative().optional(),
      requested: z.number().finite().nonnegative().optional(),
    })
    .optional(),
  schedule: z.strictObject({ start: ISO_DATE.optional(), end: ISO_DATE.optional() }).optional(),
  submittedOn: ISO_DATE.optional(),
});
/** @category Application */
export type Application = z.infer<typeof Application>;
