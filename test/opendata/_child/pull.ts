/** Child process for processes.test.ts: pulls contours from `url` into `cacheDir`. */
import { pullContours } from '../../../src/opendata/index.js';

const [url, cacheDir] = process.argv.slice(2) as [string, string];
await pullContours({
  year: 2026,
  layer: 'communes',
  resolution: '100m',
  region: '32',
  cacheDir,
  urls: [url],
  attempts: 1,
  retry: { retries: 0 },
  onProgress: (p) => process.stdout.write(`progress ${p.featuresRead}\n`),
});
process.stdout.write('done\n');
