/**
 * The library's own messages (errors, validation issues, territory diagnostics) reach a French user in
 * French: through the server (`lang`, `Accept-Language`), with the English unchanged for English
 * requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadRuleSets, type RunningServer, startServer } from '../../src/server/index.js';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, ruleSets: loadRuleSets(), version: '0.0.0-test' });
});
afterAll(async () => {
  await server.close();
});

const check = (body: string, query = '', headers: Record<string, string> = {}) =>
  fetch(`${server.url}/v1/check${query}`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/json', ...headers },
  });

describe('the server gives the library’s messages in the language of the request', () => {
  const unknownCommune = JSON.stringify({ territory: { communes: ['59999'] } });
  it('an unknown commune code, in French with ?lang=fr and with Accept-Language', async () => {
    for (const [query, headers] of [
      ['?lang=fr', {}],
      ['', { 'accept-language': 'fr-FR,fr;q=0.9' }],
    ] as const) {
      const body = (await (await check(unknownCommune, query, headers)).json()) as {
        detail: string;
        errors: { field: string; message: string }[];
      };
      expect(body.errors[0]?.message).toMatch(/^code de commune inconnu 59999/);
      expect(body.detail).toContain('territory.communes[0]\u00a0: code de commune inconnu 59999');
      expect(body.detail).not.toMatch(/unknown commune code/);
    }
  });
  it('the same request in English keeps the English message', async () => {
    const body = (await (await check(unknownCommune, '?lang=en')).json()) as {
      errors: { message: string }[];
    };
    expect(body.errors[0]?.message).toMatch(/^unknown commune code 59999/);
  });
  it('a rule set not in force, in French', async () => {
    const body = (await (await check('{"themes":["mobilite"]}', '?lang=fr&asOf=2022-06-01')).json()) as {
      errors: { message: string }[];
    };
    expect(body.errors[0]?.message).toMatch(/n’est en vigueur le 2022-06-01/);
  });
  it('a malformed commune code looked up, in French', async () => {
    const response = await fetch(`${server.url}/v1/communes/5935?lang=fr`);
    const body = (await response.json()) as { detail: string };
    expect(response.status).toBe(400);
    expect(body.detail).toMatch(/^code\u00a0: code de commune mal formé «\u202f5935\u202f»/);
  });
});

describe('the warnings of a verdict speak both languages (RuleWarning.messages)', () => {
  const application = {
    title: 'Mobilité',
    carrier: { name: 'Association Mobilité Laonnois', legalForm: 'association', commune: '02408' },
    partners: [
      { name: 'Association Mobilité Laonnois', type: 'association' },
      { name: 'France Travail Laon', type: 'service-public-emploi' },
      { name: 'France Travail Laon', type: 'service-public-emploi' },
    ],
    territory: { communes: ['02394', '02408'] },
    publics: ['demandeurs-emploi-longue-duree'],
    themes: ['mobilite', 'autre'],
    themesOther: 'ateliers',
    budget: { total: 80000, requested: 40000 },
    schedule: { start: '2023-09-01', end: '2024-08-31' },
    submittedOn: '2023-04-03',
  };
  it('every warning made by the package has French and English, English = message', async () => {
    const { checkApplication } = await import('../../src/itie/index.js');
    const { frenchTypography } = await import('../../src/_shared/typography.js');
    const result = checkApplication(application);
    expect(result.ok).toBe(true);
    const warnings = result.ok ? result.explanation.warnings : [];
    expect(warnings.map((warning) => warning.code).sort()).toEqual([
      'duplicate-structure',
      'duplicate-structure',
      'mapped-code',
      'unlisted-value',
    ]);
    for (const warning of warnings) {
      expect(warning.messages?.en, warning.code).toBe(warning.message);
      expect(warning.messages?.fr, warning.code).not.toBe(warning.message);
      expect(frenchTypography(warning.messages?.fr ?? ''), warning.code).toBe(warning.messages?.fr);
    }
    // The explanation JSON keeps `message` (a string) and adds `messages`.
    const { serializeExplanation } = await import('../../src/rules/index.js');
    const json = JSON.parse(serializeExplanation(result.ok ? result.explanation : (undefined as never)));
    expect(json.warnings[0]).toEqual({
      code: warnings[0]?.code,
      message: warnings[0]?.message,
      messages: warnings[0]?.messages,
    });
  });
  it('the engine’s own warnings (no-as-of, no-value-in-force) too', async () => {
    const { compile } = await import('../../src/rules/index.js');
    const evaluator = compile({
      format: 'cprdfop.ruleset/1',
      id: 'demo',
      version: '1',
      title: { fr: 'Démo', en: 'Demo' },
      validFrom: '2023-01-01',
      validTo: '2023-12-31',
      asOfField: 'submittedOn',
      parameters: [
        {
          name: 'rate',
          value: { dated: true, values: [{ from: '2023-06-01', value: 0.5 }] },
          provenance: { mark: 'assumption', justification: 'demo' },
        },
      ],
      criteria: [{ id: 'rate', label: { fr: 'Taux', en: 'Rate' }, when: { '>=': [{ param: 'rate' }, 0] } }],
    } as never);
    const codes = new Map<string, { fr: string; en: string } | undefined>();
    for (const given of [{}, { submittedOn: '2023-02-01' }])
      for (const warning of evaluator.evaluate(given).warnings) codes.set(warning.code, warning.messages);
    for (const [code, messages] of codes) {
      expect(messages?.fr, code).toBeDefined();
      expect(messages?.fr, code).not.toBe(messages?.en);
    }
    expect([...codes.keys()].sort()).toEqual(['no-as-of', 'no-value-in-force']);
  });
  it('cprdfop check --lang fr prints the French warnings', async () => {
    const { cli } = await import('../_helpers/cli.js');
    const r = await cli(['check', '-', '--lang', 'fr'], { stdin: JSON.stringify(application), env: {} });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('est le porteur lui-même');
    expect(r.stdout).toContain('à apprécier par un instructeur');
    const warnings = r.stdout.slice(r.stdout.indexOf('Avertissements'));
    expect(warnings).not.toMatch(/counted once|for an instructor|is now/);
  });
});

describe('rule-set justifications in both languages', () => {
  it('rules show --lang fr shows the French justifications, --lang en the English ones', async () => {
    const { cli } = await import('../_helpers/cli.js');
    const fr = await cli(['rules', 'show', '--lang', 'fr'], { env: {} });
    expect(fr.code).toBe(0);
    expect(fr.stdout).toContain(
      'La source exige des «\u202fprojets collectifs et concertés\u202f» sans donner de nombre',
    );
    expect(fr.stdout).not.toContain('The seed requires');
    const en = await cli(['rules', 'show', '--lang', 'en']);
    expect(en.stdout).toContain('The seed requires « projets collectifs et concertés » without a number');
  });
  it('check --lang fr lists each assumption with its French justification; the JSON has both', async () => {
    const { cli } = await import('../_helpers/cli.js');
    const file = 'examples/applications/eligible-mobilite-laonnois.json';
    const fr = await cli(['check', file, '--lang', 'fr'], { env: {} });
    expect(fr.stdout).toContain('minStructures = 2\u00a0: La source exige');
    const json = JSON.parse((await cli(['check', file, '--json'])).stdout);
    const used = json.assumptions.find((assumption: { name: string }) => assumption.name === 'minStructures');
    expect(used.justification).toMatch(/^The seed requires/);
    expect(used.justifications.en).toBe(used.justification);
    expect(used.justifications.fr).toMatch(/^La source exige/);
  });
  it('a rule file with one-language justifications is still accepted (legacy)', async () => {
    const { RuleProvenance } = await import('../../src/rules/index.js');
    expect(RuleProvenance.parse({ mark: 'assumption', justification: 'why' }).justification).toBe('why');
    expect(() => RuleProvenance.parse({ mark: 'assumption', justification: { fr: 'pourquoi' } })).toThrow();
  });
});

describe('rules diff --lang fr', () => {
  it('names the marks in French (hypothèse, confirmé), in English with --lang en', async () => {
    const { cli } = await import('../_helpers/cli.js');
    const args = ['rules', 'diff', 'itie-hdf@2023.1', 'examples/normandie-deffinov/deffinov.ruleset.json'];
    const fr = await cli([...args, '--lang', 'fr'], { env: {} });
    expect(fr.stdout).toContain('paramètre minStructures (valait 2 structures [hypothèse])');
    expect(fr.stdout).toContain('paramètre minGrant = 50000 EUR [confirmé]');
    expect(fr.stdout).not.toMatch(/\[(assumption|confirmed|inferred)\]/);
    expect((await cli([...args, '--lang', 'en'])).stdout).toContain('[assumption]');
  });
});

describe('closed lists say why they are closed (valuesProvenance)', () => {
  it('every enum and set field of the shipped rule set has a marked, bilingual provenance', async () => {
    const { applicationJsonSchema, fieldsOf } = await import('../../src/rules/index.js');
    const { itieRuleSets } = await import('../../src/itie/index.js');
    const ruleSet = itieRuleSets().at(-1)!;
    const listed = fieldsOf(ruleSet, { lang: 'fr' }).filter((field) => field.values !== null);
    expect(listed.map((field) => field.path).sort()).toEqual([
      'carrier.legalForm',
      'partners[].type',
      'publics',
      'themes',
    ]);
    for (const field of listed) {
      const provenance = field.valuesProvenance;
      expect(['confirmed', 'inferred', 'assumption'], field.path).toContain(provenance?.mark);
      expect(typeof provenance?.justification, field.path).toBe('object');
    }
    const schema = applicationJsonSchema(ruleSet) as {
      properties: { carrier: { properties: { legalForm: Record<string, unknown> } } };
    };
    expect(schema.properties.carrier.properties.legalForm['x-values-provenance']).toMatchObject({
      mark: 'assumption',
    });
  });
});
