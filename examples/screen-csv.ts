/**
 * Screens a CSV of ITIE applications into a Markdown report: one line per application with its
 * verdict, the failed criteria, what is missing, and the assumptions the verdicts relied on.
 *
 *   npm run example:screen                       # examples/data/applications.csv
 *   npm run example:screen -- my.csv > report.md
 *
 * CSV columns: id,title,legalForm,carrierCommune,partnerTypes,communes,epcis,publics,themes,
 * budgetTotal,budgetRequested,start,end,submittedOn — lists separated by `;`, empty cells = not answered.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkApplication } from 'cprdfop/itie';

const here = dirname(fileURLToPath(import.meta.url));
const file = process.argv[2] ?? join(here, 'data/applications.csv');

/** Splits CSV text into rows of cells (RFC 4180 quotes supported). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell);
      if (row.some((x) => x !== '')) rows.push(row);
      row = [];
      cell = '';
    } else cell += c;
  }
  row.push(cell);
  if (row.some((x) => x !== '')) rows.push(row);
  return rows;
}

const list = (s: string | undefined) => (s ? s.split(';').map((x) => x.trim()) : undefined);
const num = (s: string | undefined) => (s ? Number(s) : undefined);
/** Escapes a Markdown table cell. */
const cell = (s: string | undefined) => (s ?? '').replace(/\|/g, '\\|');

/** Turns one CSV row into an application, leaving out what was not answered. */
function toApplication(r: Record<string, string>): Record<string, unknown> {
  const app: Record<string, unknown> = { title: r.title };
  if (r.legalForm || r.carrierCommune) {
    app.carrier = {
      name: r.title,
      ...(r.legalForm ? { legalForm: r.legalForm } : {}),
      ...(r.carrierCommune ? { commune: r.carrierCommune } : {}),
    };
  }
  const partnerTypes = list(r.partnerTypes);
  if (partnerTypes) app.partners = partnerTypes.map((type, i) => ({ name: `Partenaire ${i + 1}`, type }));
  else if (r.partnerTypes === '' && r.legalForm) app.partners = [];
  const communes = list(r.communes);
  const epcis = list(r.epcis);
  if (communes || epcis) app.territory = { ...(communes ? { communes } : {}), ...(epcis ? { epcis } : {}) };
  if (list(r.publics)) app.publics = list(r.publics);
  if (list(r.themes)) app.themes = list(r.themes);
  if (r.budgetTotal || r.budgetRequested) {
    app.budget = {
      ...(r.budgetTotal ? { total: num(r.budgetTotal) } : {}),
      ...(r.budgetRequested ? { requested: num(r.budgetRequested) } : {}),
    };
  }
  if (r.start || r.end)
    app.schedule = { ...(r.start ? { start: r.start } : {}), ...(r.end ? { end: r.end } : {}) };
  if (r.submittedOn) app.submittedOn = r.submittedOn;
  return app;
}

const [header, ...rows] = parseCsv(readFileSync(file, 'utf8'));
if (!header) throw new Error(`${file}: empty CSV`);
const out: string[] = [
  `# ITIE screening — ${rows.length} applications`,
  '',
  '| id | title | verdict | failed | missing |',
  '|---|---|---|---|---|',
];
const assumptions = new Map<string, string>();
const counts: Record<string, number> = {};
rows.forEach((cells, index) => {
  const r = Object.fromEntries(header.map((h, i) => [h, cells[i]?.trim() ?? '']));
  const result = checkApplication(toApplication(r));
  if (!result.ok) {
    counts.invalid = (counts.invalid ?? 0) + 1;
    const issues = result.issues.map((i) => `${i.path}: ${i.message}`).join('; ');
    out.push(`| ${cell(r.id ?? String(index + 2))} | ${cell(r.title)} | **invalid** | ${cell(issues)} | |`);
    return;
  }
  const e = result.explanation;
  counts[e.verdict] = (counts[e.verdict] ?? 0) + 1;
  const failed = e.criteria.filter((c) => c.status === 'fail').map((c) => c.id);
  for (const a of e.assumptions) assumptions.set(a.name, a.justification);
  out.push(
    `| ${cell(r.id)} | ${cell(r.title)} | ${e.verdict} | ${failed.join(', ')} | ${e.missing.join(', ')} |`,
  );
});
out.push(
  '',
  `Totals: ${Object.entries(counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ')}.`,
  '',
);
if (assumptions.size) {
  out.push('Assumptions the verdicts relied on (no public source gives these values):', '');
  for (const [name, why] of assumptions) out.push(`- \`${name}\`: ${why}`);
}
console.log(out.join('\n'));
