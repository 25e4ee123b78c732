/**
 * Seeded ITIE applications for the explanation-serialising benchmark (issue #12): complete,
 * incomplete and ineligible ones, in the shape of `cprdfop/itie`'s `Application`.
 */

/** mulberry32: a small seeded PRNG (deterministic workload). */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMUNES = ['02408', '02394', '59350', '62160', '62193', '80021', '60057', '59183', '62041', '75056'];
const EPCIS = ['200043495', '246200729', '200093201', '245901160'];
const LEGAL_FORMS = ['association', 'collectivite-territoriale', 'epci', 'entreprise', 'siae', 'autre'];
const PARTNER_TYPES = ['association', 'commune', 'entreprise', 'service-public-emploi', 'epci', 'autre'];
const PUBLICS = ['demandeurs-emploi', 'jeunes', 'seniors', 'beneficiaires-rsa', 'salaries'];
const THEMES = ['mobilite', 'formation', 'insertion', 'accueil', 'recrutement'];
const STARTS = ['2023-01-01', '2023-09-01', '2024-08-31'];
const ENDS = ['2024-08-31', '2025-06-30', '2023-06-30'] as const;

/** `n` ITIE applications (seeded): about a fifth miss one or more top-level answers. */
export function generateItieApplications(n: number, seed = 12): Record<string, unknown>[] {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const some = <T>(items: readonly T[], max: number): T[] => {
    const out = new Set<T>();
    const count = Math.floor(random() * (max + 1));
    for (let i = 0; i < count; i++) out.add(pick(items));
    return [...out];
  };
  const apps: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) {
    const total = Math.round(random() * 200_000);
    const app: Record<string, unknown> = {
      title: `Projet ${i}`,
      carrier: { name: `Porteur ${i}`, legalForm: pick(LEGAL_FORMS), commune: pick(['02408', '59350']) },
      partners: Array.from({ length: Math.floor(random() * 4) + (random() < 0.8 ? 1 : 0) }, (_, k) => ({
        name: `Partenaire ${k}`,
        type: pick(PARTNER_TYPES),
      })),
      territory:
        random() < 0.5
          ? { communes: random() < 0.7 ? [pick(COMMUNES)] : some(COMMUNES, 3).concat(pick(COMMUNES)) }
          : { epcis: random() < 0.7 ? [pick(EPCIS)] : some(EPCIS, 2).concat(pick(EPCIS)) },
      publics: some(PUBLICS, 3).concat(pick(PUBLICS)),
      themes: some(THEMES, 3).concat(pick(THEMES)),
      budget: { total, requested: Math.round(random() * total) },
      schedule: { start: pick(STARTS), end: random() < 0.9 ? ENDS[1] : pick(ENDS) },
      submittedOn: pick(['2023-01-15', '2023-04-03', '2023-06-30']),
    };
    if (random() < 0.2) for (const key of some(Object.keys(app), 2)) delete app[key];
    apps.push(app);
  }
  return apps;
}
