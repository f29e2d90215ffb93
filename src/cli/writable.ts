/**
 * A report path is checked before the browser starts: an audit runs for minutes, and a path that cannot be
 * written (a missing folder, a read-only file, a folder's name) found only at the end lost the whole run.
 * Nothing is created here: a run that ends in an error leaves no report file behind.
 */
import { accessSync, closeSync, constants, existsSync, openSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

/** Why `path` cannot be written as a report (the system's words), or undefined when it can. */
export function unwritable(path: string): string | undefined {
  const full = resolve(path);
  try {
    if (existsSync(full)) {
      // Opened for writing without truncating it: a folder, or a file without write permission, fails here.
      closeSync(openSync(full, 'r+'));
    } else {
      accessSync(dirname(full), constants.W_OK);
    }
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
