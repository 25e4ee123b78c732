/**
 * The checks every message catalogue passes (the CLI's, the server's): each key has a French and an
 * English text, the same placeholders in both, and a French text whose typography is already right
 * (`frenchTypography` leaves it unchanged; no straight apostrophe between letters, no ordinary space
 * before : ; ! ?).
 */
import { expect, it } from 'vitest';
import { type Message, placeholdersOf } from '../../src/_shared/messages.js';
import { frenchTypography } from '../../src/_shared/typography.js';

/** The `[catalogue.key, message]` entries of catalogues given by name. */
export function catalogueEntries(
  catalogues: Readonly<Record<string, Readonly<Record<string, Message>>>>,
): (readonly [string, Message])[] {
  return Object.entries(catalogues).flatMap(([catalogue, messages]) =>
    Object.entries(messages).map(([key, message]) => [`${catalogue}.${key}`, message] as const),
  );
}

/**
 * Registers the catalogue checks (one test per key and check) in the current `describe`.
 *
 * @param entries - The entries (see {@link catalogueEntries}).
 * @param sameInBoth - Keys whose texts are the same in both languages on purpose.
 */
export function itChecksCatalogue(
  entries: readonly (readonly [string, Message])[],
  sameInBoth: ReadonlySet<string> = new Set(),
): void {
  it.each(entries)('%s has a French and an English text', (key, message) => {
    expect(message.fr.trim()).not.toBe('');
    expect(message.en.trim()).not.toBe('');
    if (!sameInBoth.has(key)) expect(message.fr).not.toBe(message.en);
  });
  it.each(entries)('%s uses the same placeholders in both languages', (_key, message) => {
    expect(placeholdersOf(message.fr)).toEqual(placeholdersOf(message.en));
  });
  it.each(entries)('%s: the French text has its typography right', (_key, message) => {
    expect(frenchTypography(message.fr)).toBe(message.fr);
    expect(message.fr).not.toMatch(/[A-Za-zÀ-ÿ]'[A-Za-zÀ-ÿ]/);
    expect(message.fr).not.toMatch(/ [:;!?]/);
  });
  it('the keys said to be the same in both languages exist and are', () => {
    const byKey = new Map(entries);
    for (const key of sameInBoth) {
      expect(byKey.get(key), key).toBeDefined();
      expect(byKey.get(key)?.fr, key).toBe(byKey.get(key)?.en);
    }
  });
}
