/**
 * The page the popup and panel layout tests judge: /policy is refused with 1008
 * and retried at once, 4 times (a blind retry: a problem with an episode);
 * /restart closes with 1012 once and reconnects after `restartAfterMs` (fits),
 * then stays open. Resolves with the recording once all of that is stored.
 */
import { closeEventOf, openEventOf, type Recording } from '../../../src/protocol/recording';
import { waitForRecording } from './recording';
import type { Session } from './session';

export async function recordBlindRetryAndRestart(
  s: Session,
  path: string,
  restartAfterMs: number,
  timeoutMs: number,
): Promise<Recording> {
  const url = s.server.page(
    path,
    `<!doctype html><title>${path.slice(1)}</title><script>
    let tries = 0;
    const policy = () => { const w = new WebSocket('${s.server.wsOrigin}/policy?token=expired'); w.onclose = () => { if (++tries < 5) policy(); }; };
    const restart = () => { const w = new WebSocket('${s.server.wsOrigin}/restart'); w.onclose = () => setTimeout(restart, ${restartAfterMs}); };
    policy();
    restart();
  </script>`,
  );
  for (let i = 0; i < 5; i++) void s.server.connectionTo('/policy', i).then((c) => c.ws.close(1008, 'Token expired'));
  void s.server.connectionTo('/restart').then((c) => c.ws.close(1012, 'Service restart'));
  const page = await s.b.context.newPage();
  await page.goto(url);
  return waitForRecording(
    s.b.worker,
    url,
    (r) => {
      const policyClosed = r.connections.filter((c) => c.url.includes('/policy') && closeEventOf(c)).length;
      const restarted = r.connections.filter((c) => c.url.endsWith('/restart'));
      return policyClosed === 5 && restarted.length === 2 && openEventOf(restarted[1]!) ? r : undefined;
    },
    timeoutMs,
  );
}
