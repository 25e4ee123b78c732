/**
 * A valid ITIE application (eligible under `itie-hdf@2023.1`: association carrier, EPCI and public
 * employment service partners, an EPCI of the Aisne, mobility), shared by the server tests and the
 * server benchmark. The title is the caller's, so that a test can plant a marker in it (the server
 * test's `SECRET-TITLE`, which its log-leak check looks for).
 *
 * @param title - The project title.
 * @returns A fresh application object.
 */
export function itieApplication(title: string) {
  return {
    title,
    carrier: { legalForm: 'association', commune: '02381' },
    partners: [{ type: 'epci' }, { type: 'service-public-emploi' }],
    territory: { epcis: ['240200600'] },
    publics: ['demandeurs-emploi-longue-duree'],
    themes: ['mobilite'],
    budget: { total: 80000, requested: 40000 },
    schedule: { start: '2023-09-01', end: '2024-08-31' },
    submittedOn: '2023-04-03',
  };
}
