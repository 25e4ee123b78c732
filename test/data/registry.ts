import type { ZodType } from 'zod';

/** Which schema validates which data file (paths relative to the repository root). */
export const dataSchemas: Array<{ pattern: RegExp; schema: () => Promise<ZodType> }> = [
  { pattern: /^data\/plan\/plan\.json$/, schema: async () => (await import('../../src/model/plan.js')).Plan },
  {
    pattern: /^data\/plan\/ambitions\.json$/,
    schema: async () => (await import('../../src/model/ambition.js')).Ambition.array().length(4),
  },
  {
    pattern: /^data\/plan\/partner-categories\.json$/,
    schema: async () => (await import('../../src/model/partnerCategory.js')).PartnerCategory.array().min(1),
  },
  {
    pattern: /^data\/plan\/governance\.json$/,
    schema: async () => (await import('../../src/model/governanceBody.js')).GovernanceBody.array().min(1),
  },
  {
    pattern: /^data\/plan\/schemes\.json$/,
    schema: async () => (await import('../../src/model/scheme.js')).Scheme.array().length(6),
  },
  {
    // One chunk per region (INSEE code) and one for the collectivités d'outre-mer.
    pattern: /^data\/territory\/cog\d{4}-(?:\d{2}|COM)\.json$/,
    schema: async () => (await import('../../src/territory/index.js')).TerritoryDataFile,
  },
  {
    pattern: /^data\/territory\/cog\d{4}-index\.json$/,
    schema: async () => (await import('../../src/territory/index.js')).TerritoryIndexFile,
  },
  {
    pattern: /^data\/rules\/(?![^/]+\.schema\.json$)[^/]+\.json$/,
    schema: async () => (await import('../../src/rules/index.js')).RuleSet,
  },
  {
    // Generated: from the RuleSet zod schema, and applications' schemas from declared fields (their
    // drift is tested by test/rules).
    pattern: /^data\/rules\/[^/]+\.schema\.json$/,
    schema: async () => {
      const { z } = await import('zod');
      return z.looseObject({ $schema: z.string().includes('json-schema.org'), type: z.literal('object') });
    },
  },
];
