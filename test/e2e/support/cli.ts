/** Runs the built `closeline` command line as a user would (node bin/closeline.mjs), capturing output and exit status. */
import { afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const BIN = resolve(__dirname, '../../../bin/closeline.mjs');

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * `node bin/closeline.mjs <args>` of this checkout, or `command` (an installed
 * `closeline`, run through its #! line as npx would) in `cwd` with `env`;
 * `interrupt` sends a signal once the error output shows a text (Ctrl-C, say).
 */
export function runCli(
  args: string[],
  opts: {
    command?: string;
    cwd?: string;
    env?: NodeJS.ProcessEnv;
    interrupt?: { when: string; signal: NodeJS.Signals };
  } = {},
): Promise<CliResult> {
  return new Promise((done, fail) => {
    const [file, argv] = opts.command ? [opts.command, args] : [process.execPath, [BIN, ...args]];
    const child = spawn(file, argv, {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: opts.env ?? process.env,
      ...(opts.cwd !== undefined && { cwd: opts.cwd }),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    let interrupted = false;
    child.stderr.on('data', (d: Buffer) => {
      stderr += d.toString();
      if (opts.interrupt && !interrupted && stderr.includes(opts.interrupt.when)) {
        interrupted = true;
        child.kill(opts.interrupt.signal);
      }
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/**
 * Every folder outDir made, removed after the test file's last test (tests run concurrently, so not after
 * each test). Registered as the file imports this module: each test file gets a fresh module.
 */
const made: string[] = [];
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder for a run's files, removed after the test file's tests. */
export function outDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'closeline-audit-'));
  made.push(dir);
  return dir;
}
