// Runs in the page (with and without the extension); every result must be identical.
// Plain JS so it is served as-is and evaluated before and after page load alike.
window.runProbe = async (wsUrl) => {
  const r = {};
  const err = (fn) => {
    try {
      fn();
      return 'no error';
    } catch (e) {
      return `${Object.prototype.toString.call(e)} ${e && e.name}: ${e && e.message} ${e && e.constructor === DOMException} ${e instanceof TypeError}`;
    }
  };
  const desc = (o, k) => {
    const d = Object.getOwnPropertyDescriptor(o, k);
    return d && { w: d.writable, e: d.enumerable, c: d.configurable, hasGet: !!d.get, type: typeof d.value };
  };
  const ws = new WebSocket(wsUrl);
  r.instanceof = ws instanceof WebSocket;
  r.ctor = ws.constructor === WebSocket;
  r.protoCtor = WebSocket.prototype.constructor === WebSocket;
  r.protoOf = Object.getPrototypeOf(ws) === WebSocket.prototype;
  r.chain =
    Object.getPrototypeOf(WebSocket.prototype) === EventTarget.prototype &&
    Object.getPrototypeOf(WebSocket) === EventTarget;
  r.name = WebSocket.name;
  r.length = WebSocket.length;
  r.statics = [WebSocket.CONNECTING, WebSocket.OPEN, WebSocket.CLOSING, WebSocket.CLOSED, ws.CONNECTING, ws.CLOSED];
  r.toString = [
    Function.prototype.toString.call(WebSocket),
    String(WebSocket),
    `${WebSocket.prototype.send}`,
    `${WebSocket.prototype.close}`,
    WebSocket.prototype.close.toString(),
    Function.prototype.toString.toString(),
    Function.prototype.toString.call(Function.prototype.toString),
    `${Function.prototype.toString.toString}`,
  ];
  r.methodShape = ['send', 'close'].map((k) => [
    WebSocket.prototype[k].name,
    WebSocket.prototype[k].length,
    desc(WebSocket.prototype, k),
  ]);
  r.toStringShape = [
    Function.prototype.toString.name,
    Function.prototype.toString.length,
    desc(Function.prototype, 'toString'),
  ];
  r.globalDesc = desc(window, 'WebSocket');
  r.ctorDesc = desc(WebSocket.prototype, 'constructor');
  r.ownKeys = [Reflect.ownKeys(WebSocket).map(String), Reflect.ownKeys(WebSocket.prototype).map(String)];
  r.instanceKeys = Object.keys(ws);
  r.forIn = (() => {
    const k = [];
    for (const x in ws) k.push(x);
    return k;
  })();
  r.windowKeys = Object.getOwnPropertyNames(window).sort();
  r.binaryType = [
    ws.binaryType,
    ((ws.binaryType = 'arraybuffer'), ws.binaryType),
    ((ws.binaryType = 'nonsense'), ws.binaryType),
  ];
  r.noNew = err(() => WebSocket(wsUrl));
  r.badUrl = err(() => new WebSocket('http://[bad'));
  r.badScheme = err(() => new WebSocket('ftp://127.0.0.1/'));
  r.badProtocols = err(() => new WebSocket(wsUrl, ['a', 'a']));
  r.illegal = [err(() => WebSocket.prototype.close.call({})), err(() => WebSocket.prototype.send.call({}, 'x'))];
  r.sendConnecting = err(() => ws.send('x'));
  r.badClose = [err(() => ws.close(1001)), err(() => ws.close(1000, 'x'.repeat(124))), err(() => ws.close(5000))];
  // The browser's own errors come out as thrown from the page's call: no frame of the hook's in their stack
  // (an error monitor sets aside errors whose top frame is an extension's file), the same stack property.
  // The page's own address is taken out: the runs with and without may be at different paths.
  const frames = (stack) => String(stack).split(location.href).join('PAGE');
  const stackOf = (fn) => {
    try {
      fn();
      return 'no error';
    } catch (e) {
      const d = Object.getOwnPropertyDescriptor(e, 'stack');
      return [frames(e.stack), Reflect.ownKeys(e).map(String), d && [typeof d.get, typeof d.set, d.enumerable]];
    }
  };
  r.thrownStacks = [
    stackOf(function sendWhileConnecting() {
      ws.send('x');
    }),
    stackOf(function badUrl() {
      new WebSocket('http://[bad');
    }),
    stackOf(function duplicateProtocols() {
      new WebSocket(wsUrl, ['a', 'a']);
    }),
    stackOf(function badCode() {
      ws.close(5000);
    }),
    stackOf(function longReason() {
      ws.close(1000, 'x'.repeat(124));
    }),
    // The bindings' TypeErrors: a method taken off its socket, a missing argument.
    stackOf(function illegal() {
      const send = ws.send;
      send('x');
    }),
    stackOf(function noArgument() {
      ws.send();
    }),
    stackOf(function noUrl() {
      new WebSocket();
    }),
  ];
  // A TypeError the page's own conversion code throws keeps its frames, the page's toString on top (the
  // hook's wrapper sits below it, as any wrapper would, so only the top frame is compared).
  const conversion = String(
    stackOf(function pageConversion() {
      ws.send({
        toString: function pageToString() {
          throw new TypeError('page conversion');
        },
      });
    })[0],
  ).split('\n');
  // Chromium's stack text starts with the message, Firefox's with the first frame.
  r.pageConversionTop = conversion[conversion[0].startsWith('TypeError') ? 1 : 0].trim();
  // The page's own frame limit and stack formatter get the same frames.
  const { stackTraceLimit, prepareStackTrace } = Error;
  const deep = (n, f) => (n ? deep(n - 1, f) : f());
  try {
    Error.stackTraceLimit = 2;
    r.limitedStack = stackOf(() => deep(3, () => ws.send('x')));
    Error.stackTraceLimit = stackTraceLimit;
    Error.prepareStackTrace = (e, sites) => sites.map((s) => `${s.getFunctionName()}@${s.getLineNumber()}`).join();
    r.preparedStack = stackOf(function prepared() {
      ws.send('x');
    });
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
    Error.prepareStackTrace = prepareStackTrace;
  }
  class Sub extends WebSocket {
    constructor(u) {
      super(u);
      this.extra = 1;
    }
    hello() {
      return 'hi';
    }
  }
  const sub = new Sub(wsUrl);
  r.subclass = [
    sub instanceof Sub,
    sub instanceof WebSocket,
    sub.constructor === Sub,
    Object.getPrototypeOf(Sub) === WebSocket,
    sub.hello(),
    sub.extra,
    Sub.OPEN,
    Sub.name,
  ];
  r.subNoNew = err(() => Sub(wsUrl));
  r.reflectConstruct = Reflect.construct(WebSocket, [wsUrl], Sub) instanceof Sub;
  r.proxyOfWs = err(() => new new Proxy(WebSocket, {})('ftp://x'));
  // Event order: listener, onclose, listener — and onclose replaced keeps its slot.
  const order = [];
  const opened = new Promise((res) => ws.addEventListener('open', res));
  ws.addEventListener('close', () => order.push('A'));
  ws.onclose = () => order.push('onclose-1');
  ws.addEventListener('close', (e) => order.push(`B:${e.code}:${e.wasClean}:${e.isTrusted}:${e.constructor.name}`));
  // A listener's stack is the page's own (the hook calls no page listener).
  const listenerStacks = [];
  ws.onclose = function onclose2() {
    order.push('onclose-2');
    listenerStacks.push(frames(new Error('in onclose').stack));
  };
  ws.addEventListener('close', function closeListener() {
    listenerStacks.push(frames(new Error('in a listener').stack));
  });
  r.onclose = typeof ws.onclose;
  await opened;
  r.afterOpen = [ws.readyState, ws.protocol, ws.extensions, ws.url, ws.bufferedAmount];
  ws.send('hello');
  const closed = new Promise((res) => ws.addEventListener('close', res));
  ws.close(4001, 'probe');
  r.readyAfterClose = ws.readyState;
  r.secondClose = err(() => ws.close());
  await closed;
  r.order = order;
  r.listenerStacks = listenerStacks;
  // close() converts its arguments once (valueOf/toString run once) and throws the same errors.
  const calls = [];
  const ws2 = new WebSocket(wsUrl);
  const conv = () =>
    err(() =>
      ws2.close({ valueOf: () => (calls.push('valueOf'), 4002) }, { toString: () => (calls.push('toString'), 'obj') }),
    );
  r.closeConversion = [
    err(() => ws2.close(Symbol('s'))),
    err(() => ws2.close(1n)),
    // A valueOf that returns what the browser cannot make a number of: the browser's own message.
    err(() => ws2.close({ valueOf: () => (calls.push('valueOf Symbol'), Symbol('v')) })),
    err(() => ws2.close({ valueOf: () => (calls.push('valueOf BigInt'), 1n) })),
    err(() => ws2.close({ [Symbol.toPrimitive]: (hint) => (calls.push(`toPrimitive ${hint}`), 1n) })),
    err(() => ws2.close({ valueOf: () => (calls.push('valueOf undefined'), undefined) })),
    err(() => ws2.close({ valueOf: () => ({}), toString: () => (calls.push('toString after valueOf'), '4000x') })),
    err(() => ws2.close(4000, Symbol('r'))),
    err(() =>
      ws2.close(4000, {
        toString: () => {
          throw new RangeError('mine');
        },
      }),
    ),
    conv(),
    calls,
    ws2.readyState,
  ];
  // The toString mask never runs a page Proxy's traps.
  const traps = [];
  const trapped = new Proxy(function f() {}, {
    getPrototypeOf: (t) => (traps.push('getPrototypeOf'), Reflect.getPrototypeOf(t)),
    get: (t, k) => (traps.push(`get:${String(k)}`), Reflect.get(t, k)),
  });
  r.proxyToString = [Function.prototype.toString.call(trapped), traps];
  r.finalState = ws.readyState;
  // Names of Proxy traps on Object.prototype (an old-style `get` helper, say) are the page's business:
  // no Proxy of the hook's may take them as its traps.
  const trapNames = ['get', 'set', 'has', 'apply', 'construct', 'getPrototypeOf', 'ownKeys'];
  const defineOn = (k, value) =>
    Object.defineProperty(Object.prototype, k, { __proto__: null, value, configurable: true, writable: true });
  trapNames.forEach((k) => defineOn(k, () => `page ${k}`));
  try {
    r.objectPrototypeTraps = [
      err(() => new WebSocket(wsUrl + '-traps').close(4000)),
      err(() => {
        class Sub extends WebSocket {}
        return [WebSocket.OPEN, WebSocket.prototype.CLOSED, new Sub(wsUrl + '-traps-sub') instanceof WebSocket];
      }),
      err(() => WebSocket(wsUrl)),
      err(() => WebSocket.prototype.send.call(new WebSocket(wsUrl + '-traps-send'), 'early')),
      Function.prototype.toString.call(WebSocket),
      `${WebSocket.prototype.send}`,
      typeof window.WebSocketStream === 'function' ? err(() => new WebSocketStream(wsUrl + '-traps-stream', {})) : '',
    ];
  } finally {
    trapNames.forEach((k) => delete Object.prototype[k]);
  }
  // A constructor's caller and arguments read as null, as for any function of the browser's (reading
  // them through a Proxy throws: a known way to detect one).
  const shown = (fn) => {
    try {
      return String(fn());
    } catch (e) {
      return `throws ${e && e.name}`;
    }
  };
  r.callerArguments = [
    shown(() => WebSocket.caller),
    shown(() => WebSocket.arguments),
    typeof window.WebSocketStream === 'function'
      ? [shown(() => WebSocketStream.caller), shown(() => WebSocketStream.arguments)]
      : 'absent',
  ];
  // Index getters on Array.prototype and Object.prototype: the browser never reads an argument that was
  // not passed, so neither may anything between the page and the browser.
  let indexReads = 0;
  const onIndex = (o, i, get) => Object.defineProperty(o, i, { __proto__: null, get, configurable: true });
  onIndex(Array.prototype, 0, () => {
    indexReads += 1;
    throw new Error('page getter 0');
  });
  onIndex(Object.prototype, 1, () => {
    indexReads += 10;
    return { toString: () => ((indexReads += 100), 'page') };
  });
  try {
    const s = new WebSocket(wsUrl + '-index');
    r.indexGetters = [err(() => s.send()), err(() => s.close()), s.readyState];
    if (typeof window.WebSocketStream === 'function') {
      const st = new WebSocketStream(wsUrl + '-index-stream');
      r.indexGettersStream = err(() => st.close());
    }
  } finally {
    delete Array.prototype[0];
    delete Object.prototype[1];
  }
  r.indexReads = indexReads;
  // A code's valueOf that closes the socket itself: the browser then ignores the outer call.
  const ws3 = new WebSocket(wsUrl + '-valueof');
  await new Promise((res) => ws3.addEventListener('open', res));
  const valueOfClosed = new Promise((res) => ws3.addEventListener('close', (e) => res(e.code)));
  ws3.close({ valueOf: () => (ws3.close(4001, 'inner'), 4002) }, 'outer');
  // Chromium truncates a fractional code, Firefox rounds it half to even: recorded as the browser sent it.
  const ws4 = new WebSocket(wsUrl + '-fraction');
  await new Promise((res) => ws4.addEventListener('open', res));
  const fractionClosed = new Promise((res) => ws4.addEventListener('close', (e) => res(e.code)));
  ws4.close(3001.5);
  r.reentrantAndFraction = [await valueOfClosed, await fractionClosed];
  sub.close();
  // A pristine WebSocket from a fresh iframe behaves the same (and is hooked there too).
  const f = document.createElement('iframe');
  document.body.append(f);
  const W = f.contentWindow.WebSocket;
  r.iframe = [
    W === WebSocket,
    W.name,
    Function.prototype.toString.call(W),
    f.contentWindow.Function.prototype.toString.call(W),
    new W(wsUrl + '-iframe') instanceof W,
  ];
  r.wss =
    typeof window.WebSocketStream === 'function'
      ? [WebSocketStream.name, WebSocketStream.length, `${WebSocketStream}`, desc(window, 'WebSocketStream')]
      : 'absent';
  if (typeof window.WebSocketStream === 'function') {
    // options.protocols is read once, by the browser (the hook reads what the browser read).
    const reads = [];
    const opts = {
      get protocols() {
        reads.push('protocols');
        return ['p1'];
      },
      get signal() {
        reads.push('signal');
        return undefined;
      },
    };
    const wss = new WebSocketStream(wsUrl + '-stream', opts);
    r.streamOptionReads = reads;
    r.streamBadProtocols = err(() => new WebSocketStream(wsUrl, { protocols: 5 }));
    await wss.opened.catch(() => undefined);
    wss.close();
  }
  return r;
};
