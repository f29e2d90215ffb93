/**
 * Test pages for the reconnect check, each a small hand-written reconnect loop
 * against the local ws server: one that fits every scenario, one that retries
 * 1008 at once (a blind retry), one with no backoff after 1013, one with no
 * sockets at all, and one with a heartbeat that notices a silent connection.
 */

/** `next(code, failures)`: ms until the next attempt, or null to give up; failures reset when a socket opens. */
const loop = (ws: string, next: string) => `<!doctype html><title>audit page</title><script>
  let failures = 0;
  const next = ${next};
  const connect = () => {
    const s = new WebSocket(${JSON.stringify(ws)});
    let opened = false;
    s.onopen = () => { opened = true; failures = 0; };
    s.onclose = (e) => {
      if (!opened) failures++;
      const wait = next(e.code, failures);
      if (wait !== null) setTimeout(connect, wait);
    };
  };
  connect();
</script>`;

export const auditPages = {
  // 1–5 s after 1012; never again after 1008; otherwise doubling from 1 s while handshakes fail.
  fits: (ws: string) =>
    loop(ws, `(code, failures) => code === 1012 ? 1500 : code === 1008 ? null : 1000 * 2 ** failures`),
  // Like the fitting page, but 1008 is retried at once with the same request.
  blind1008: (ws: string) =>
    loop(ws, `(code, failures) => code === 1012 ? 1500 : code === 1008 ? 0 : 1000 * 2 ** failures`),
  // 1 s after a close, then every 0.75 s while handshakes fail: no backoff after 1013. Not a plain
  // "every second": the rule calls a wait past 1.5 times the first one growth, so a page waiting 1 s
  // each time had only 0.5 s for a late timer, and on a loaded machine its timers fire late (up to
  // 0.26 s seen with six browsers on two cores; one CI run judged that page "slow growth"). Shorter
  // waits after the first leave 0.75 s, and five attempts still span over 2 s (faster is a storm).
  noBackoff: (ws: string) => loop(ws, `(code, failures) => failures === 0 ? 1000 : 750`),
  none: () => `<!doctype html><title>no sockets</title><p>This page opens no WebSocket.</p>`,
  // Pings every second (the server echoes); a ping left unanswered closes the socket and reconnects.
  heartbeat: (ws: string) => `<!doctype html><title>heartbeat page</title><script>
  const connect = () => {
    const s = new WebSocket(${JSON.stringify(ws)});
    let answered = true;
    s.onmessage = () => { answered = true; };
    const timer = setInterval(() => {
      if (s.readyState !== 1) return;
      if (!answered) { clearInterval(timer); s.close(4000, 'heartbeat missed'); setTimeout(connect, 500); return; }
      answered = false;
      s.send('ping');
    }, 1000);
  };
  connect();
</script>`,
};
