/** Random ITIE applications (fast-check), shared by the property tests. */
import fc from 'fast-check';
import { LegalForm, PartnerType, TargetPublic, Theme } from '../../src/itie/index.js';

const COMMUNES = ['02408', '02394', '59350', '62160', '62193', '80021', '60057', '76540', '75056'];
/** An ITIE application, every key optional. */
export const appArb = fc.record(
  {
    title: fc.string({ minLength: 1, maxLength: 20 }),
    carrier: fc.record(
      {
        name: fc.constant('Porteur'),
        legalForm: fc.constantFrom(...LegalForm.options),
        commune: fc.constantFrom('02408', '59350'),
      },
      { requiredKeys: [] },
    ),
    partners: fc.array(fc.record({ name: fc.constant('P'), type: fc.constantFrom(...PartnerType.options) }), {
      maxLength: 4,
    }),
    territory: fc.oneof(
      fc.record({ communes: fc.uniqueArray(fc.constantFrom(...COMMUNES), { minLength: 1, maxLength: 4 }) }),
      fc.record({
        epcis: fc.uniqueArray(fc.constantFrom('200043495', '246200729', '200093201', '245901160'), {
          minLength: 1,
          maxLength: 3,
        }),
      }),
      fc.record({
        departements: fc.uniqueArray(fc.constantFrom('02', '59', '76'), { minLength: 1, maxLength: 2 }),
      }),
    ),
    publics: fc.uniqueArray(fc.constantFrom(...TargetPublic.options), { maxLength: 3 }),
    themes: fc.uniqueArray(fc.constantFrom(...Theme.options), { maxLength: 3 }),
    budget: fc.record({
      total: fc.integer({ min: 0, max: 200_000 }),
      requested: fc.integer({ min: 0, max: 200_000 }),
    }),
    schedule: fc.record({
      start: fc.constantFrom('2023-01-01', '2023-09-01', '2024-08-31'),
      end: fc.constantFrom('2023-06-30', '2024-08-31'),
    }),
    submittedOn: fc.constantFrom('2023-01-15', '2023-04-03', '2025-12-31'),
  },
  { requiredKeys: [] },
);
