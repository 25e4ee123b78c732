/** Child process for processes.test.ts: writes `count` manifest entries named `<tag>-<i>`. */
import { writeManifestEntry } from '../../../src/opendata/_internal/manifest.js';

const [yearDir, tag, count] = process.argv.slice(2) as [string, string, string];
const writes: Promise<void>[] = [];
for (let i = 0; i < Number(count); i++) {
  writes.push(
    writeManifestEntry(yearDir, {
      file: `${tag}-${i}.geojson`,
      year: '2026',
      layer: 'communes',
      resolution: '100m',
      region: '32',
      sha256: '0'.repeat(64),
      bytes: i,
      features: i,
      sourceUrl: 'http://127.0.0.1/',
      sourceSha256: '0'.repeat(64),
      sourceBytes: i,
      downloadedAt: new Date(0).toISOString(),
    }),
  );
}
await Promise.all(writes);
