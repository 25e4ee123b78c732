/**
 * A classification in the region renders its texts when first read (validation classifies every code;
 * the texts are rarely shown): what a caller reads, spreads, serialises or clones is the same as an
 * eagerly built object would give.
 */
import { describe, expect, it } from 'vitest';
import { classifyCommuneCode } from '../../src/territory/classifyCommuneCode.js';

describe('classifyCommuneCode texts in the region', () => {
  for (const code of ['59350', '02408']) {
    it(`${code}: message, messages, spread, JSON and structuredClone agree`, () => {
      const classification = classifyCommuneCode(code);
      expect(classification.kind).toBe('in-region');
      expect(classification.message).toBe(classification.messages.en);
      expect(classification.messages.fr).not.toBe(classification.messages.en);
      expect(classification.messages.fr).toMatch(new RegExp(`^(le code de commune )?${code} `));
      const spread = { ...classification };
      expect(spread.message).toBe(classification.message);
      expect(spread.messages).toEqual(classification.messages);
      const json = JSON.parse(JSON.stringify(classification)) as typeof classification;
      expect(json.message).toBe(classification.message);
      expect(json.messages).toEqual(classification.messages);
      expect(structuredClone(classification).messages).toEqual(classification.messages);
      expect(Object.keys(classification)).toEqual(
        expect.arrayContaining(['kind', 'code', 'match', 'message', 'messages']),
      );
      // rendered once: the same frozen object on every read
      expect(classification.messages).toBe(classification.messages);
      expect(Object.isFrozen(classification.messages)).toBe(true);
    });
  }
});
