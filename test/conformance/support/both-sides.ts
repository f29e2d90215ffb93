/**
 * A scenario runs at once in the browser with the extension and in the one
 * without it. Both runs are awaited to their end, each closing its own page and
 * server, before the test fails or goes on: failing as soon as one side threw
 * would leave the other side's page and server running beside the tests after
 * it. Each run's error names its side; when both failed, both are reported.
 */
export async function bothSides<T>(withExt: Promise<T>, without: Promise<T>): Promise<[T, T]> {
  const [a, b] = await Promise.allSettled([withExt, without]);
  if (a.status === 'fulfilled' && b.status === 'fulfilled') return [a.value, b.value];
  if (a.status === 'rejected' && b.status === 'rejected')
    throw new Error(`${messageOf(a.reason)}\n${messageOf(b.reason)}`, { cause: a.reason });
  throw (a.status === 'rejected' ? a : (b as PromiseRejectedResult)).reason;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/**
 * Both browsers, launched at once. When one fails to start, the other is closed before the error is
 * thrown: the caller never got it, so its afterAll could not close it, and it stayed open until the
 * test process ended.
 */
export async function launchBoth<T extends { close(): Promise<void> }>(
  withExt: Promise<T>,
  without: Promise<T>,
): Promise<[T, T]> {
  const [a, b] = await Promise.allSettled([withExt, without]);
  if (a.status === 'fulfilled' && b.status === 'fulfilled') return [a.value, b.value];
  await Promise.allSettled([a, b].map((r) => (r.status === 'fulfilled' ? r.value.close() : undefined)));
  return bothSides(withExt, without);
}
