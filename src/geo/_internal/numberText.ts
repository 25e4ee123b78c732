import { formatNumber, type Message } from '../../_shared/messages.js';

/**
 * A number as a message value: per French usage in French (`1 234,5`), as JavaScript writes it in
 * English (`1234.5`, what the English messages have always shown, kept byte-identical).
 */
export function numberText(value: number): Message {
  return { fr: Number.isFinite(value) ? formatNumber(value, 'fr') : String(value), en: String(value) };
}
