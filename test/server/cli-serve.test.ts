import { spawn } from 'node:child_process';
import { request } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');

it('cprdfop serve: listens, logs without content, and on SIGTERM lets the request in flight finish, then exits 0', async () => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(root, 'src/cli/main.ts'), 'serve', '--port', '0'],
    {
      cwd: root,
      // The messages below are the English ones (the CLI follows the locale).
      env: { ...process.env, LC_ALL: 'en_US.UTF-8' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      const found = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(stderr);
      if (found) resolve(found[1]!);
    });
    child.on('exit', () => reject(new Error(`exited before listening: ${stderr}`)));
  });
  expect((await fetch(`${url}/healthz`)).status).toBe(200);
  const application = JSON.stringify({ title: 'CONTENT-MARKER', themes: ['mobilite'] });
  const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      `${url}/v1/check`,
      { method: 'POST', headers: { 'content-type': 'application/json' } },
      (res) => {
        let body = '';
        res.on('data', (chunk) => {
          body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
      },
    );
    req.on('error', reject);
    req.write(application.slice(0, 10), () => {
      child.kill('SIGTERM');
      const waitForSignal = () => {
        if (stderr.includes('SIGTERM')) req.end(application.slice(10));
        else setTimeout(waitForSignal, 20);
      };
      waitForSignal();
    });
  });
  const { status, body } = await answer;
  expect(status).toBe(200);
  expect(JSON.parse(body)).toMatchObject({ format: 'cprdfop.explanation/1' });
  expect(await exited).toBe(0);
  expect(stderr).toContain('"path":"/v1/check"');
  expect(stderr).not.toContain('CONTENT-MARKER');
});
