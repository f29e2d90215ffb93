// Runs in the page (with and without the extension): close() of a WebSocket and of a WebSocketStream with
// arguments whose conversion throws, has side effects, or gives what the browser rejects. Every result (the
// error's kind, name and message, whether it is the page's own, the conversion calls in order, the state)
// must be identical. Plain JS so it is served as-is.
window.runCloseProbe = async (wsUrl) => {
  const log = [];
  let thrown;
  const err = (fn) => {
    thrown = undefined;
    try {
      fn();
      return 'no error';
    } catch (e) {
      const o = Object(e);
      return [
        Object.prototype.toString.call(e),
        o.constructor && o.constructor.name,
        o.name,
        o.message,
        e === thrown ? 'the page error' : 'another error',
      ].join(' | ');
    }
  };
  // valueOf and toString both log, and give `value`.
  const counted = (label, value) => ({
    valueOf() {
      log.push(`${label} valueOf`);
      return value;
    },
    toString() {
      log.push(`${label} toString`);
      return value;
    },
  });
  const throwing = (label, ErrorType) => ({
    valueOf() {
      log.push(`${label} valueOf`);
      throw (thrown = new ErrorType(label));
    },
    toString() {
      log.push(`${label} toString`);
      throw (thrown = new ErrorType(label));
    },
  });
  const revoked = () => {
    const p = Proxy.revocable({}, {});
    p.revoke();
    return p.proxy;
  };
  class Described {}
  Described.prototype[Symbol.toPrimitive] = 5;
  const long = 'é'.repeat(62); // 124 UTF-8 bytes in 62 UTF-16 units
  const after = (label) => counted(`${label}: reason`, 'r');
  const wsCases = {
    valueOfThrows: [throwing('RangeError', RangeError), after('valueOfThrows')],
    valueOfThrowsTypeError: [throwing('TypeError', TypeError), after('valueOfThrowsTypeError')],
    toPrimitiveThrows: [
      {
        [Symbol.toPrimitive](hint) {
          log.push(`toPrimitive ${hint}`);
          throw (thrown = new SyntaxError('mine'));
        },
      },
    ],
    toPrimitiveNotCallable: [{ [Symbol.toPrimitive]: 5 }, after('toPrimitiveNotCallable')],
    toPrimitiveNotCallableClass: [new Described()],
    toPrimitiveNull: [{ [Symbol.toPrimitive]: null, valueOf: () => (log.push('null valueOf'), 999) }],
    toPrimitiveObject: [{ [Symbol.toPrimitive]: (hint) => (log.push(`object ${hint}`), {}) }, after('object')],
    toPrimitiveThis: [
      {
        [Symbol.toPrimitive](hint) {
          log.push(`this ${hint}`);
          return this;
        },
      },
    ],
    noPrimitive: [
      { valueOf: () => (log.push('valueOf {}'), {}), toString: () => (log.push('toString {}'), {}) },
      after('noPrimitive'),
    ],
    symbol: [Symbol('s'), after('symbol')],
    bigint: [1n, after('bigint')],
    valueOfSymbol: [counted('code', Symbol('v')), after('valueOfSymbol')],
    valueOfBigInt: [counted('code', 2n), after('valueOfBigInt')],
    revokedProxy: [revoked(), after('revokedProxy')],
    proxy: [
      new Proxy({}, { get: (t, k) => (log.push(`get ${String(k)}`), k === 'valueOf' ? () => 999 : undefined) }),
      after('proxy'),
    ],
    invalidCode: [999, after('invalidCode')],
    invalidObjectCode: [counted('999', 999), after('invalidObjectCode')],
    reasonThrows: [4000, throwing('reason', RangeError)],
    reasonSymbol: [4000, Symbol('r')],
    reasonToStringSymbol: [4000, counted('reason', Symbol('x'))],
    reasonRevoked: [4000, revoked()],
    reasonLong: [4000, long],
    reasonLongObject: [counted('code', 4000), counted('long', long)],
    reasonLongInvalidCode: [999, long],
  };
  const ws = new WebSocket(wsUrl);
  await new Promise((res) => (ws.onopen = res));
  const r = { ws: {} };
  for (const [name, args] of Object.entries(wsCases)) {
    log.length = 0;
    r.ws[name] = [err(() => ws.close(...args)), [...log], ws.readyState];
  }
  // Last, the call that closes: the hint the page's @@toPrimitive gets, and a reason made of undefined.
  log.length = 0;
  const closed = new Promise((res) => ws.addEventListener('close', (e) => res([e.code, e.reason])));
  const code = { [Symbol.toPrimitive]: (hint) => (log.push(`code ${hint}`), '4000') };
  r.ws.closes = [err(() => ws.close(code, counted('reason', undefined))), [...log], ws.readyState];
  r.ws.closed = await closed;

  if (typeof WebSocketStream === 'function') {
    const st = new WebSocketStream(`${wsUrl}-stream`);
    await st.opened;
    const reasonGetter = (label, closeCode) => ({
      closeCode,
      get reason() {
        log.push(`${label}: get reason`);
        return 'r';
      },
    });
    const streamCases = {
      valueOfThrows: reasonGetter('valueOfThrows', throwing('RangeError', RangeError)),
      symbol: reasonGetter('symbol', Symbol('s')),
      valueOfSymbol: reasonGetter('valueOfSymbol', counted('code', Symbol('v'))),
      valueOfBigInt: reasonGetter('valueOfBigInt', counted('code', 2n)),
      toPrimitiveNotCallable: reasonGetter('toPrimitiveNotCallable', { [Symbol.toPrimitive]: 5 }),
      toPrimitiveObject: reasonGetter('toPrimitiveObject', { [Symbol.toPrimitive]: () => ({}) }),
      revokedCode: reasonGetter('revokedCode', revoked()),
      invalidCode: reasonGetter('invalidCode', 999),
      getterThrows: {
        get closeCode() {
          log.push('get closeCode');
          throw (thrown = new TypeError('getter'));
        },
      },
      reasonThrows: { closeCode: 4000, reason: throwing('reason', RangeError) },
      reasonToStringSymbol: { closeCode: 4000, reason: counted('reason', Symbol('x')) },
      reasonLong: { closeCode: 4000, reason: counted('long', long) },
      revokedOptions: revoked(),
    };
    r.stream = {};
    for (const [name, o] of Object.entries(streamCases)) {
      log.length = 0;
      r.stream[name] = [err(() => st.close(o)), [...log]];
    }
    log.length = 0;
    const options = { closeCode: counted('code', 4000), reason: counted('reason', 'bye') };
    r.stream.closes = [err(() => st.close(options)), [...log]];
    r.stream.closed = await st.closed.then((v) => [v.closeCode, v.reason]);
  }
  return r;
};
