import { renderBoth } from '../_shared/messages.js';
import { showValue } from '../_shared/showValue.js';
import { CprdfopError } from '../errors.js';

/** The kinds of code the territory resolvers accept. */
export type CodeKind = 'commune' | 'postal code' | 'EPCI SIREN' | 'arrondissement' | 'département' | 'region';

const EXPECTED: Record<CodeKind, string> = {
  commune: '5 characters: a 2-character département (2A/2B for Corsica) then 3 digits, e.g. 59350',
  'postal code': '5 digits, e.g. 59000',
  'EPCI SIREN': '9 digits, e.g. 200093201',
  arrondissement: 'a département code then one digit, e.g. 595',
  département: '2 characters (2A/2B for Corsica) or 3 digits overseas, e.g. 59',
  region:
    'an INSEE region code of COG 2026 (01, 02, 03, 04, 06, 11, 24, 27, 28, 32, 44, 52, 53, 75, 76, 84, 93, 94), e.g. 28',
};

const EXPECTED_IN_FRENCH: Record<CodeKind, string> = {
  commune:
    '5 caractères\u00a0: un département de 2 caractères (2A/2B pour la Corse) puis 3 chiffres, par exemple 59350',
  'postal code': '5 chiffres, par exemple 59000',
  'EPCI SIREN': '9 chiffres, par exemple 200093201',
  arrondissement: 'un code de département puis un chiffre, par exemple 595',
  département: '2 caractères (2A/2B pour la Corse) ou 3 chiffres outre-mer, par exemple 59',
  region:
    'un code de région INSEE du COG 2026 (01, 02, 03, 04, 06, 11, 24, 27, 28, 32, 44, 52, 53, 75, 76, 84, 93, 94), par exemple 28',
};

const KIND_IN_FRENCH: Record<CodeKind, string> = {
  commune: 'code de commune',
  'postal code': 'code postal',
  'EPCI SIREN': 'SIREN d’EPCI',
  arrondissement: 'code d’arrondissement',
  département: 'code de département',
  region: 'code de région',
};

/**
 * Thrown when a code is malformed (wrong length or characters): not a miss, a bad input.
 *
 * @example
 * ```ts
 * import { commune, InvalidCodeError } from 'cprdfop/territory';
 * try {
 *   commune('5935');
 * } catch (error) {
 *   if (error instanceof InvalidCodeError) console.log(error.value); // "5935"
 * }
 * ```
 * @category Errors
 */
export class InvalidCodeError extends CprdfopError {
  /** The malformed value, as given (stringified). */
  readonly value: string;
  /** What kind of code was expected. */
  readonly codeKind: CodeKind;

  /**
   * @param value - The malformed value.
   * @param codeKind - What kind of code was expected.
   * @param where - Optional location of the value (e.g. `territory.communes[2]`).
   */
  constructor(value: unknown, codeKind: CodeKind, where?: string) {
    const shown = typeof value === 'string' ? value : showValue(value);
    super(
      'E_INVALID_CODE',
      renderBoth(
        {
          fr: '{kind} mal formé « {shown} »{where} (attendu : {expected})',
          en: 'malformed {codeKind} code {json}{where} (expected {expected})',
        },
        {
          kind: KIND_IN_FRENCH[codeKind],
          codeKind,
          shown,
          json: JSON.stringify(shown),
          where: where ? { fr: ` en ${where}`, en: ` at ${where}` } : '',
          expected: { fr: EXPECTED_IN_FRENCH[codeKind], en: EXPECTED[codeKind] },
        },
      ),
    );
    this.name = 'InvalidCodeError';
    this.value = shown;
    this.codeKind = codeKind;
  }
}
