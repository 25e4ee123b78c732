/**
 * Checks one ITIE application and prints its verdict, each criterion, what is missing and the
 * assumptions the verdict relied on.
 *
 *   npm run example:check                                   # a shipped sample application
 *   npm run example:check -- examples/applications/<file>.json
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkApplication } from 'cprdfop/itie';

const here = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? join(here, 'applications/eligible-mobilite-laonnois.json');
const application: unknown = JSON.parse(readFileSync(file, 'utf8'));

const result = checkApplication(application);
if (!result.ok) {
  console.log('Invalid application:');
  for (const issue of result.issues) console.log(`  ${issue.path || '(root)'}: ${issue.message}`);
  process.exitCode = 1;
} else {
  const e = result.explanation;
  console.log(`Verdict: ${e.verdict} (rule set ${e.ruleSet.id}@${e.ruleSet.version}, as of ${e.asOf})`);
  for (const c of e.criteria) console.log(`  ${c.status.padEnd(7)} ${c.id}: ${c.message.en}`);
  if (e.missing.length) console.log(`Missing answers: ${e.missing.join(', ')}`);
  for (const a of e.assumptions)
    console.log(`Assumption ${a.name} = ${JSON.stringify(a.value)}: ${a.justification}`);
  for (const w of e.warnings) console.log(`Warning (${w.code}): ${w.message}`);
}
