/**
 * Dated parameters (issue #12 item 4, like OpenFisca's): `{ "values": [{ "from", "value" }, …] }`,
 * ascending `from` (checked by the schema). `{"param": name}` gives the value in force on the
 * evaluation date: unknown listing the `asOfField` when there is no date, unknown with a warning
 * naming the parameter and the date when no value is in force yet. Internal to `cprdfop/rules`.
 */
import { renderBoth } from '../_shared/messages.js';
import { ymd } from './_dates.js';
import type { RuleWarning } from './Explanation.js';
import { type Compiled, NONE, Unknown } from './operators/_kernel.js';
import type { DatedParameterValue, ScalarParameterValue } from './RuleSet.js';

/** One entry of a dated parameter. */
export type DatedEntry = DatedParameterValue['values'][number];

/**
 * The entry in force on `asOf` (the last whose `from` is on or before it), `undefined` when none is.
 * @param value - A dated parameter value (ascending `from`).
 * @param asOf - A valid `YYYY-MM-DD` date.
 */
export function entryInForce(value: DatedParameterValue, asOf: string): DatedEntry | undefined {
  const date = ymd(asOf);
  let found: DatedEntry | undefined;
  for (const entry of value.values) {
    if (ymd(entry.from) > date) break;
    found = entry;
  }
  return found;
}

/** The warning of a dated parameter with no value in force on a date (one object per name and date). */
export function noValueInForce(name: string, value: DatedParameterValue, asOf: string): RuleWarning {
  const messages = renderBoth(
    {
      fr: 'le paramètre « {name} » n’a pas de valeur en vigueur le {asOf} (sa première valeur date du {from})',
      en: 'parameter "{name}" has no value in force on {asOf} (its first value is from {from})',
    },
    { name, asOf, from: value.values[0]!.from },
  );
  return Object.freeze({
    code: 'no-value-in-force',
    message: messages.en,
    messages: Object.freeze(messages),
  });
}

/**
 * The closure of `{"param": name}` for a dated parameter.
 * @param name - The parameter's name (for the warning).
 * @param value - Its dated value.
 * @param asOfField - The application field holding the evaluation date, if any.
 */
export function datedParameter(
  name: string,
  value: DatedParameterValue,
  asOfField: string | undefined,
): Compiled {
  const noDate = asOfField ? new Unknown([asOfField]) : NONE;
  const frozen = value.values.map((entry) =>
    Object.freeze({
      from: entry.from,
      value: (Array.isArray(entry.value)
        ? Object.freeze([...entry.value])
        : entry.value) as ScalarParameterValue,
    }),
  );
  const schedule: DatedParameterValue = { values: frozen };
  let lastDate: string | null = null;
  let lastEntry: DatedEntry | undefined;
  let lastWarning: RuleWarning | undefined;
  return (context) => {
    const asOf = context.asOf;
    if (asOf === null) return noDate;
    if (asOf !== lastDate) {
      lastDate = asOf;
      lastEntry = entryInForce(schedule, asOf);
      lastWarning = lastEntry ? undefined : noValueInForce(name, schedule, asOf);
    }
    if (lastEntry) return lastEntry.value;
    if (!context.warnings) context.warnings = [];
    const warnings = context.warnings;
    if (!warnings.some((known) => known.message === lastWarning!.message)) warnings.push(lastWarning!);
    return NONE;
  };
}
