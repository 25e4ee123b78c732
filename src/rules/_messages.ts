/**
 * Placeholders in criterion messages (issue #12): `{param:name}` is replaced when compiling by the
 * parameter's value, `{field:path}` when evaluating by the observed value, both formatted for the
 * message's language with `Intl` (fr-FR: narrow no-break space between thousands, decimal comma;
 * amounts in euros, dates written out). An unknown parameter, or a field the criterion does not read,
 * is a `RuleSetError` naming the message.
 */
import { renderBoth } from '../_shared/messages.js';
import { showValue } from '../_shared/showValue.js';
import { isIsoDate } from './_dates.js';
import { RuleSetError } from './errors.js';
import type { FieldDeclaration, FieldType } from './FieldDeclaration.js';
import { isDatedValue, type Parameter } from './RuleSet.js';

export type Language = 'fr' | 'en';
type Kind = FieldType | 'number' | 'money-unit';

const LOCALES: Record<Language, string> = { fr: 'fr-FR', en: 'en-GB' };
const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();
function numberFormat(language: Language, style: 'number' | 'money' | 'percent'): Intl.NumberFormat {
  const key = `${language}:${style}`;
  let format = formatters.get(key) as Intl.NumberFormat | undefined;
  if (!format) {
    format = new Intl.NumberFormat(
      LOCALES[language],
      style === 'money'
        ? { style: 'currency', currency: 'EUR' }
        : style === 'percent'
          ? { style: 'percent', maximumFractionDigits: 4 }
          : { maximumFractionDigits: 6 },
    );
    formatters.set(key, format);
  }
  return format;
}
function dateFormat(language: Language): Intl.DateTimeFormat {
  const key = `${language}:date`;
  let format = formatters.get(key) as Intl.DateTimeFormat | undefined;
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], { dateStyle: 'long', timeZone: 'UTC' });
    formatters.set(key, format);
  }
  return format;
}

/**
 * A value written for a reader of `language` (`—` when absent). Never throws, whatever the value: an
 * object is shown by `showValue` (a BigInt, a cycle or a throwing `toJSON` by its type), a list that
 * contains itself is not walked again.
 */
export function formatValue(
  value: unknown,
  language: Language,
  kind: Kind,
  walking: Set<unknown> = new Set(),
): string {
  if (value === undefined || value === null) return '—';
  if (typeof value === 'number')
    return kind === 'money' || kind === 'money-unit'
      ? numberFormat(language, 'money').format(value)
      : kind === 'percent'
        ? numberFormat(language, 'percent').format(value / 100)
        : numberFormat(language, 'number').format(value);
  if (typeof value === 'boolean') return language === 'fr' ? (value ? 'oui' : 'non') : value ? 'yes' : 'no';
  if (typeof value === 'string')
    return isIsoDate(value) ? dateFormat(language).format(new Date(`${value}T00:00:00Z`)) : value;
  if (Array.isArray(value) && !walking.has(value)) {
    walking.add(value);
    const text = value.map((item) => formatValue(item, language, kind, walking)).join(', ');
    walking.delete(value);
    return text;
  }
  // Not cut: a value that JSON can write is quoted whole, as it always was.
  return showValue(value, Number.POSITIVE_INFINITY);
}

/** Declared field types by path (list items as `list.*.item`). */
export function fieldKinds(fields: readonly FieldDeclaration[] | undefined): Map<string, FieldType> {
  const kinds = new Map<string, FieldType>();
  const add = (declarations: readonly FieldDeclaration[], prefix: string) => {
    for (const field of declarations) {
      kinds.set(prefix + field.path, field.type);
      if (field.items) add(field.items, `${prefix}${field.path}.*.`);
    }
  };
  if (fields) add(fields, '');
  return kinds;
}

const PLACEHOLDER = /\{(param|field):([^{}]*)\}/g;

/** A message template: a string once parameters are in, or a renderer of observed values. */
export type CompiledTemplate = string | ((read: (path: string) => unknown) => string);

/**
 * Compiles a message template of one language.
 * @throws {@link RuleSetError} for an unknown parameter or a field the criterion does not read.
 */
export function compileTemplate(
  template: string,
  language: Language,
  parameters: ReadonlyMap<string, Parameter>,
  kinds: ReadonlyMap<string, FieldType>,
  fieldsRead: readonly string[],
  at: string,
): CompiledTemplate {
  if (!template.includes('{')) return template;
  const pieces: (string | { path: string; kind: Kind })[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const [whole, kind, name] = match as unknown as [string, 'param' | 'field', string];
    pieces.push(template.slice(last, match.index));
    last = match.index + whole.length;
    if (kind === 'param') {
      const parameter = parameters.get(name);
      if (!parameter)
        throw new RuleSetError(
          at,
          renderBoth(
            {
              fr: 'paramètre inconnu « {name} » dans le message',
              en: 'unknown parameter "{name}" in the message',
            },
            { name },
          ),
        );
      if (isDatedValue(parameter.value))
        throw new RuleSetError(
          at,
          renderBoth(
            {
              fr: 'le message cite le paramètre daté « {name} », dont la valeur dépend de la date d’évaluation : ce n’est pas encore pris en charge',
              en: 'the message quotes the dated parameter "{name}", whose value depends on the evaluation date: not supported yet',
            },
            { name },
          ),
        );
      pieces.push(formatValue(parameter.value, language, parameter.unit === 'EUR' ? 'money-unit' : 'number'));
    } else {
      if (!fieldsRead.includes(name))
        throw new RuleSetError(
          at,
          renderBoth(
            {
              fr: 'le message cite le champ « {name} », que le critère ne lit pas',
              en: 'the message quotes the field "{name}", which the criterion does not read',
            },
            { name },
          ),
        );
      pieces.push({ path: name, kind: kinds.get(name) ?? 'number' });
    }
  }
  pieces.push(template.slice(last));
  if (pieces.every((piece) => typeof piece === 'string')) return pieces.join('');
  return (read) =>
    pieces
      .map((piece) =>
        typeof piece === 'string' ? piece : formatValue(read(piece.path), language, piece.kind),
      )
      .join('');
}
