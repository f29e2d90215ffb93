// Runs in the page (with and without the extension): patches, after the hook installed, every
// native the hook might call or read, each with a counter, then opens, uses and closes sockets.
// The counts must be the same with the extension: the hook runs no page code.
// Plain JS so it is served as-is.
window.runPatchedNatives = async (origin) => {
  const { apply: RA, construct: RC } = Reflect;
  const gopd = Object.getOwnPropertyDescriptor;
  const dp = Object.defineProperty;
  const counts = Object.create(null);
  const saved = [];
  let counting = false;
  const hit = (name) => {
    if (counting) counts[name] = (counts[name] | 0) + 1;
  };
  // Descriptors without a prototype: the page's own accessors on Object.prototype below must not answer.
  const define = (o, k, d) => {
    const old = gopd(o, k);
    saved.push([o, k, old && { __proto__: null, ...old }]);
    dp(o, k, { __proto__: null, ...d });
  };
  const wrap = (o, k, name) => {
    const d = gopd(o, k);
    if (!d || !d.configurable) return;
    if (d.get || d.set) {
      const { get, set } = d;
      define(o, k, {
        configurable: true,
        enumerable: d.enumerable,
        get:
          get &&
          function () {
            hit(`${name} get`);
            return RA(get, this, arguments);
          },
        set:
          set &&
          function () {
            hit(`${name} set`);
            return RA(set, this, arguments);
          },
      });
    } else if (typeof d.value === 'function') {
      const f = d.value;
      const w = function () {
        hit(name);
        return new.target ? RC(f, arguments, new.target) : RA(f, this, arguments);
      };
      define(o, k, { ...d, value: w });
    }
  };
  const skip = ['constructor', 'prototype', 'caller', 'arguments', 'callee'];
  const every = (o, label) => {
    for (const k of Reflect.ownKeys(o)) if (!skip.includes(k)) wrap(o, k, `${label}.${String(k)}`);
  };
  const TA = Object.getPrototypeOf(Uint8Array);
  for (const [o, label] of [
    [EventTarget.prototype, 'EventTarget.p'],
    [window.MessagePort.prototype, 'MessagePort.p'],
    [Function.prototype, 'Function.p'],
    [Reflect, 'Reflect'],
    [WeakMap.prototype, 'WeakMap.p'],
    [Map.prototype, 'Map.p'],
    [Object, 'Object'],
    [Array.prototype, 'Array.p'],
    [Object.getPrototypeOf([][Symbol.iterator]()), 'ArrayIterator.p'],
    [String.prototype, 'String.p'],
    [window.Performance.prototype, 'Performance.p'],
    [Date, 'Date'],
    [Date.prototype, 'Date.p'],
    [Promise.prototype, 'Promise.p'],
    [Error, 'Error'],
    [Error.prototype, 'Error.p'],
    [TA.prototype, 'TypedArray.p'],
    [ArrayBuffer, 'ArrayBuffer'],
    [ArrayBuffer.prototype, 'ArrayBuffer.p'],
    [DataView.prototype, 'DataView.p'],
    [Blob.prototype, 'Blob.p'],
    [window.Event.prototype, 'Event.p'],
    [window.MessageEvent.prototype, 'MessageEvent.p'],
    [window.CloseEvent.prototype, 'CloseEvent.p'],
    [WebSocket.prototype, 'WebSocket.p'],
  ])
    every(o, label);
  // Not window.Error: with it replaced, V8 writes a stack's first line without reading Error.prototype.name,
  // which would hide a read of it (checked in Chromium 156).
  for (const k of ['queueMicrotask', 'setTimeout', 'clearTimeout', 'Proxy', 'MessageEvent', 'CloseEvent'])
    wrap(window, k, `window.${k}`);
  // Error.prototype's name and message, and names the hook's objects or the browser's dictionaries use,
  // as accessors that count (an absent name answers undefined, as it would).
  const accessor = (o, k, label) => {
    const d = gopd(o, k);
    if (d && !d.configurable) return;
    const value = d && d.value;
    define(o, k, {
      configurable: true,
      get() {
        hit(`${label}.${String(k)} get`);
        return value;
      },
      set(v) {
        hit(`${label}.${String(k)} set`);
        dp(this, k, { __proto__: null, value: v, writable: true, enumerable: true, configurable: true });
      },
    });
  };
  for (const k of ['name', 'message']) accessor(Error.prototype, k, 'Error.p');
  for (const k of [
    ...['get', 'set', 'value', 'writable', 'enumerable', 'configurable', 'apply', 'construct', 'then', 'length'],
    ...['ports', 'data', 'capture', 'once', 'passive', 'signal', 'handleEvent', 'code', 'reason', 'wasClean'],
    ...['origin', 'lastEventId', 'bubbles', 'cancelable', 'composed', '0', '1', Symbol.toPrimitive],
  ])
    accessor(Object.prototype, k, 'Object.p');
  for (const k of ['0', '1', '2', '3', '4', '5']) accessor(Array.prototype, k, 'Array.p');

  const log = [];
  const closed = (ws, tag) =>
    new Promise((res) => {
      ws.onclose = (e) => {
        log.push(`${tag} ${e.code} ${e.reason} ${e.wasClean}`);
        res();
      };
    });
  counting = true;
  try {
    // Opened, used in every kind of message and both binary types, closed twice by the page.
    const ws = new WebSocket(`${origin}/patched-natives`, ['chat', 'other']);
    let received = 0;
    ws.onopen = () => {
      log.push(`open ${ws.protocol}`);
      ws.send('hello');
      ws.send(new ArrayBuffer(8));
      ws.send(new Uint8Array([1, 2, 3]));
      ws.send(new DataView(new ArrayBuffer(4)));
      ws.send(new Blob(['blob']));
      ws.send('x'.repeat(3000));
    };
    ws.onmessage = (e) => {
      received++;
      log.push(`message ${typeof e.data === 'string' ? e.data.length : Object.prototype.toString.call(e.data)}`);
      if (received === 3) ws.binaryType = 'arraybuffer';
      if (received === 6) {
        ws.close(4000, 'bye');
        ws.close(4001, 'again');
      }
    };
    await closed(ws, 'first');
    // Refused: an error, then 1006.
    const refused = new WebSocket('ws://127.0.0.1:1/patched-natives-refused');
    refused.onerror = () => log.push('error');
    await closed(refused, 'refused');
    class Sub extends WebSocket {}
    const sub = new Sub(`${origin}/patched-natives-sub`);
    sub.onopen = () => sub.close({ valueOf: () => 4002 }, { toString: () => 'sub' });
    await closed(sub, 'sub');
  } finally {
    counting = false;
    for (let i = saved.length - 1; i >= 0; i--) {
      const [o, k, d] = saved[i];
      if (d) dp(o, k, d);
      else delete o[k];
    }
  }
  return {
    log,
    counts: Object.fromEntries(
      Object.keys(counts)
        .sort()
        .map((k) => [k, counts[k]]),
    ),
  };
};
