/** Entry of the built command line (dist-cli/closeline.mjs); everything else is in main.ts. */
import { main } from './main';

// Ctrl-C is Playwright's (it closes the browser and exits with 130). On these it only closes the browser,
// and main() then says the run was stopped; with no browser running (no handler but this one), stop at once.
let stoppedBy: NodeJS.Signals | undefined;
for (const signal of ['SIGTERM', 'SIGHUP'] as const) {
  process.on(signal, () => {
    stoppedBy = signal;
    if (process.listenerCount(signal) === 1) process.exit(signal === 'SIGTERM' ? 143 : 129);
  });
}

const code = await main(
  process.argv.slice(2),
  {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (text) => process.stderr.write(text),
    errIsTty: process.stderr.isTTY === true,
    stoppedBy: () => stoppedBy,
  },
  import.meta.url,
);
process.exitCode = code;
