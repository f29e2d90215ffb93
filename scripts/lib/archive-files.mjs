// What goes into each archive `npm run zip` makes.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** Never in the source archive even if present and not ignored: builds, dependencies, outputs, local state. */
export const SOURCE_EXCLUDED = ['node_modules/', 'dist/', 'artifacts/', '.demo-out/', '.git/', 'coverage/'];

/** Every file under `dir`, as sorted '/'-separated paths relative to it. */
export function filesUnder(dir) {
  const out = [];
  const walk = (d) => {
    for (const name of readdirSync(d)) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(relative(dir, full).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/**
 * The project's source for a store's review: the files git tracks or would
 * track (so .gitignore'd builds, dependencies and local files stay out),
 * minus SOURCE_EXCLUDED, sorted.
 */
export function sourceFiles(root) {
  const listed = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: root,
    encoding: 'utf8',
  });
  return [...new Set(listed.split('\0'))]
    .filter((f) => f && !SOURCE_EXCLUDED.some((x) => f.startsWith(x)) && existsSync(join(root, f)))
    .sort();
}
