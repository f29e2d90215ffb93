/** Entry of the built command line (dist-cli/closeline.mjs); everything else is in main.ts. */
import { main } from './main';

const code = await main(
  process.argv.slice(2),
  {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (text) => process.stderr.write(text),
    errIsTty: process.stderr.isTTY === true,
  },
  import.meta.url,
);
process.exitCode = code;
