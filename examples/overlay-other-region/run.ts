/**
 * Adapts the ITIE rules for another (fictional) region: loads an overlay that extends
 * `itie-hdf@2023.1`, prints what it changes, then checks an application against it — with the
 * funding formula turned on and capped.
 *
 *   npm run example:overlay
 *
 * The same from the CLI:
 *   cprdfop rules diff data/rules/itie-hdf-2023.json examples/overlay-other-region/other-region.ruleset.json
 *   cprdfop check examples/overlay-other-region/application.json --rules examples/overlay-other-region/other-region.ruleset.json
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkApplication, itieRuleSets } from 'cprdfop/itie';
import { diffRuleSets, formatRuleSetDiff, parseRuleSet, resolveRuleSet } from 'cprdfop/rules';

const here = dirname(fileURLToPath(import.meta.url));
const read = (name: string): unknown => JSON.parse(readFileSync(join(here, name), 'utf8'));

const overlay = parseRuleSet(read('other-region.ruleset.json'));
const base = itieRuleSets().find((r) => `${r.id}@${r.version}` === overlay.extends);
if (!base) throw new Error(`base rule set ${overlay.extends} not found`);

const resolved = resolveRuleSet(overlay, itieRuleSets());
console.log(`--- ${base.id}@${base.version}\n+++ ${resolved.id}@${resolved.version}`);
console.log(formatRuleSetDiff(diffRuleSets(base, resolved)));

const result = checkApplication(read('application.json'), { ruleSet: overlay });
if (!result.ok) throw new Error(`invalid application: ${JSON.stringify(result.issues)}`);
const e = result.explanation;
console.log(`\nVerdict under ${e.ruleSet.id}@${e.ruleSet.version}: ${e.verdict}`);
for (const c of e.criteria) console.log(`  ${c.status.padEnd(7)} ${c.id}`);
if (e.funding) console.log(`Funding: ${e.funding.amount ?? '—'} ${e.funding.unit}`);
