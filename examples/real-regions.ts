/**
 * Two real regions, each a rule-set file beside an application: a Normandie call of the Deffinov shape
 * (region 28, a `budget.selfFinancing` field of its own) and the Hauts-de-France youth-integration call
 * (region 32, the funding formula on). Each is checked with `checkWithRules`: the rule set's declared
 * fields validate the application and its region's territory provider answers the territory criteria.
 *
 *   npm run example:regions
 *
 * The same from the CLI:
 *   cprdfop rules test examples/normandie-deffinov/deffinov.ruleset.json
 *   cprdfop check examples/normandie-deffinov/application.json --rules examples/normandie-deffinov/deffinov.ruleset.json
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkWithRules } from 'cprdfop/itie';
import { parseRuleSet, runExamples } from 'cprdfop/rules';

const here = dirname(fileURLToPath(import.meta.url));
const read = (path: string): unknown => JSON.parse(readFileSync(join(here, path), 'utf8'));

for (const [folder, file] of [
  ['normandie-deffinov', 'deffinov.ruleset.json'],
  ['hdf-youth-integration', 'youth-integration.ruleset.json'],
] as const) {
  const ruleSet = parseRuleSet(read(`${folder}/${file}`));
  const result = checkWithRules(ruleSet, read(`${folder}/application.json`));
  if (!result.ok) throw new Error(`${folder}: invalid application: ${JSON.stringify(result.issues)}`);
  const explanation = result.explanation;
  console.log(`${ruleSet.id}@${ruleSet.version} (region ${ruleSet.region}): ${explanation.verdict}`);
  for (const criterion of explanation.criteria)
    console.log(`  ${criterion.status.padEnd(7)} ${criterion.id}`);
  if (explanation.funding)
    console.log(`  funding: ${explanation.funding.amount ?? '—'} ${explanation.funding.unit}`);
  for (const assumption of explanation.assumptions) console.log(`  assumption ${assumption.name}`);
  const examples = runExamples(ruleSet.examples ?? [], (application, asOf) => {
    const checked = checkWithRules(ruleSet, application, { asOf });
    return checked.ok
      ? checked.explanation
      : checked.issues.map((issue) => `${issue.path}: ${issue.message}`);
  });
  console.log(
    `  ${examples.filter((example) => example.ok).length}/${examples.length} embedded examples pass`,
  );
}
