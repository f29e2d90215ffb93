/**
 * Echoes are awaited through the page's own promise (no polling that would load two busy cores), but
 * never for ever: a library, or a hook, that stops delivering them fails its test here, saying how many
 * came, while the run can still close its page and server; not on the test's timeout, which says nothing
 * and leaves them open.
 */

/** Each echo is one round trip on 127.0.0.1 (a few on top of a library's own protocol); a loaded machine's slack. */
export const ECHOES_MS = 15_000;

/**
 * `wait` resolves once the page has `n` echoes; `count` reads how many it has. Rejects naming `where`
 * when `n` did not come within ECHOES_MS.
 */
export async function awaitEchoes(
  wait: () => Promise<unknown>,
  count: () => Promise<number>,
  n: number,
  where: string,
): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<typeof LATE>((resolve) => (timer = setTimeout(() => resolve(LATE), ECHOES_MS)));
  try {
    if ((await Promise.race([wait(), late])) !== LATE) return;
  } finally {
    clearTimeout(timer);
  }
  throw new Error(`${where}: awaited ${n} echo(es) for ${ECHOES_MS / 1000} s, but ${await count()} came`);
}

const LATE = Symbol('late');
