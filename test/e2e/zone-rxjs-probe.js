/* global Zone, rxjs -- the page loads zone.js and RxJS before this probe */
// Runs in the page after zone.js and RxJS's browser bundle, as an Angular app's code runs: the same page with
// and without the extension, and everything it logs must be identical. Plain JS, served as-is.
// The server side (zone-rxjs.e2e.ts) closes each socket by its path: /zone-server-<code> with that code,
// /rx-busy three times with 1013, /rx-drop once by dropping the connection.
window.zoneRxjsProbe = (origin) => {
  const log = [];
  const delays = [];
  const zoneName = () => Zone.current.name;
  const shape = (ws) => ({
    instanceof: ws instanceof WebSocket,
    ctor: ws.constructor === WebSocket,
    protoOf: Object.getPrototypeOf(ws) === WebSocket.prototype,
    readyState: ws.readyState,
    protocol: ws.protocol,
    extensions: ws.extensions,
    binaryType: ws.binaryType,
  });
  const closeOf = (e) => ({ code: e.code, reason: e.reason, wasClean: e.wasClean, trusted: e.isTrusted });
  const settled = (ws) => new Promise((resolve) => ws.addEventListener('close', () => setTimeout(resolve)));

  // A socket used the way a component uses one: on* handlers and listeners registered in the component's zone,
  // one listener removed again, a handler replaced; the page closes it with a code once its echo is back.
  const plain = () =>
    Zone.current.fork({ name: 'component' }).run(() => {
      const ws = new WebSocket(`${origin}/zone-plain`, ['chat', 'other']);
      log.push(['plain made', zoneName(), shape(ws)]);
      const removed = () => log.push(['plain removed listener ran']);
      ws.addEventListener('message', removed);
      ws.onmessage = () => log.push(['plain replaced onmessage ran']);
      ws.onopen = function (e) {
        log.push(['plain onopen', zoneName(), this === ws, e.isTrusted, shape(ws)]);
        ws.send('hello');
      };
      ws.addEventListener('open', (e) => log.push(['plain open listener', zoneName(), e.isTrusted]));
      ws.onmessage = (e) => {
        log.push(['plain onmessage', zoneName(), e.data, e.isTrusted]);
        ws.close(4000, 'page bye');
        log.push(['plain after close()', ws.readyState]);
      };
      ws.addEventListener('message', (e) => log.push(['plain message listener', zoneName(), e.data]));
      ws.removeEventListener('message', removed);
      ws.onerror = () => log.push(['plain onerror']);
      ws.onclose = (e) => log.push(['plain onclose', zoneName(), closeOf(e), shape(ws)]);
      ws.addEventListener('close', (e) => log.push(['plain close listener', zoneName(), e.code]));
      log.push(['plain handlers', typeof ws.onopen, typeof ws.onclose, ws.onmessage === ws.onmessage]);
      return settled(ws);
    });

  // The server closes; the page listens from one zone and its handler was set in another.
  const serverClose = (code) => {
    const ws = Zone.current.fork({ name: `listen-${code}` }).run(() => {
      const s = new WebSocket(`${origin}/zone-server-${code}`);
      s.addEventListener('close', (e) => log.push([`server ${code} listener`, zoneName(), closeOf(e)]));
      return s;
    });
    Zone.current.fork({ name: `handler-${code}` }).run(() => {
      ws.onopen = () => log.push([`server ${code} onopen`, zoneName()]);
      ws.onclose = (e) => log.push([`server ${code} onclose`, zoneName(), closeOf(e), ws.readyState]);
    });
    return settled(ws);
  };

  // A subclass, as wrappers of WebSocket write one; zone.js's on* accessors apply to it too.
  const subclass = () => {
    class AppSocket extends WebSocket {
      constructor(url) {
        super(url);
        this.tag = 'app';
      }
    }
    const ws = Zone.current.fork({ name: 'sub' }).run(() => new AppSocket(`${origin}/zone-sub`));
    log.push(['sub made', ws instanceof AppSocket, ws instanceof WebSocket, ws.constructor === AppSocket, ws.tag]);
    Zone.current.fork({ name: 'sub' }).run(() => {
      ws.onopen = () => ws.close();
      ws.onclose = (e) => log.push(['sub onclose', zoneName(), closeOf(e)]);
    });
    return settled(ws);
  };

  // RxJS's webSocket subject, as an Angular service uses it: subscribed in the app's zone, reconnecting with
  // retry (an error: an unclean close) and repeat (a clean close completes the subject) with a doubling delay.
  // Resolves once a socket of `path` answers the page's message, and leaves that socket open (as an app does);
  // `end` unsubscribes, which closes it, and resolves at its close.
  const ends = [];
  const rx = (path, code) =>
    new Promise((resolve) => {
      const { webSocket } = rxjs.webSocket;
      const { retry, repeat } = rxjs.operators;
      let attempt = 0;
      let ended;
      const wait = (kind) => {
        const ms = 1000 * 2 ** attempt++;
        delays.push([path, kind, ms]);
        log.push([`${path} ${kind}`, zoneName(), attempt]);
        return rxjs.timer(ms);
      };
      Zone.current.fork({ name: 'rx' }).run(() => {
        const subject = webSocket({
          url: `${origin}${path}`,
          // Sent from here: each reconnect starts with an empty queue.
          openObserver: {
            next: (e) => {
              log.push([`${path} opened`, zoneName(), e.type, e.target instanceof WebSocket]);
              subject.next({ hi: code, attempt });
            },
          },
          closeObserver: {
            next: (e) => {
              log.push([`${path} closed`, zoneName(), closeOf(e)]);
              ended?.();
            },
          },
        });
        const sub = subject
          .pipe(retry({ delay: () => wait('retry') }), repeat({ delay: () => wait('repeat') }))
          .subscribe({
            next: (m) => {
              log.push([`${path} next`, zoneName(), m]);
              resolve();
            },
            error: (e) => log.push([`${path} error`, String(e)]),
            complete: () => log.push([`${path} complete`]),
          });
        ends.push(
          () =>
            new Promise((r) => {
              ended = r;
              sub.unsubscribe();
              log.push([`${path} unsubscribed`]);
            }),
        );
      });
    });
  window.zoneRxjsEnd = async () => {
    for (const end of ends.splice(0)) await end();
    return { log, delays };
  };
  // How many times `path`'s subject has had a message so far (a reconnect is done once its socket answered).
  window.zoneRxjsAnswers = (path) => log.filter((e) => e[0] === `${path} next`).length;
  // One more subject, for the extension's Simulate: resolves with the log once its socket of `path` answered.
  window.zoneRxjsOpen = async (path) => {
    await rx(path, 0);
    return { log, delays };
  };

  // zone.js replaced Function.prototype.toString (over the hook's own) and the on* accessors: how the
  // page's feature checks see WebSocket afterwards.
  const onclose = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'onclose');
  log.push([
    'features',
    typeof Zone,
    [WebSocket, WebSocket.prototype.send, WebSocket.prototype.close, Function.prototype.toString].map((f) => `${f}`),
    Function.prototype.toString.toString(),
    Function.prototype.toString.call(EventTarget.prototype.addEventListener),
    [typeof onclose.get, typeof onclose.set, onclose.configurable, onclose.enumerable],
    [WebSocket.name, WebSocket.length, WebSocket.OPEN, Object.getPrototypeOf(WebSocket) === EventTarget],
    Object.keys(WebSocket.prototype).filter((k) => !k.startsWith('__zone')),
  ]);

  // Frames made after zone.js loaded: the parent prints their WebSocket with its toString, which is zone.js's
  // (over the hook's mask, which each frame's hook registers its wrappers with).
  const frames = async () => {
    for (const how of ['srcdoc', 'about:blank']) {
      const f = document.createElement('iframe');
      if (how === 'srcdoc') f.srcdoc = '<p>frame</p>';
      const loaded = new Promise((resolve) => f.addEventListener('load', resolve));
      document.body.append(f);
      if (how === 'srcdoc') await loaded;
      const w = f.contentWindow;
      const printed = [w.WebSocket, w.WebSocket.prototype.close, w.Function.prototype.toString];
      log.push([`frame ${how}`, printed.map((fn) => Function.prototype.toString.call(fn)), `${w.WebSocket}`]);
      f.remove();
    }
  };

  return (async () => {
    await frames();
    await plain();
    for (const code of [1008, 1012, 1013]) await serverClose(code);
    await subclass();
    await rx('/rx-busy', 1013);
    await rx('/rx-drop', 1006);
    return { log, delays };
  })();
};
