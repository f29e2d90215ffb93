import { describe, expect, it } from 'vitest';
import { saveNatives } from './natives';
import { FakeDOMException, win } from './fake-window';

/**
 * natives.trap: what an error thrown through a wrapper carries out. V8 gives each exception its bindings
 * throw a stack of its own, which is captured again from the page's call; an engine that keeps the stack
 * on the prototype (SpiderMonkey) gets the wrapper untouched.
 */
const frames = (stack: unknown) => String(stack).split('\n').slice(1);

/**
 * SpiderMonkey's kind of DOMException: its stack is read through the prototype (from what was captured
 * when it was made) and it has no own properties.
 */
class ProtoStackDOMException {
  readonly #name: string;
  readonly #stack: string;
  constructor(message = '', name = 'Error') {
    this.#name = name;
    this.#stack = String(new Error(message).stack);
  }
  get name() {
    return this.#name;
  }
  get stack() {
    return this.#stack;
  }
}
const protoStackWin = { ...win, DOMException: ProtoStackDOMException } as unknown as typeof win;

function throwingNative(make: () => unknown) {
  return function native() {
    throw make();
  };
}

/** Calls `target` through a trap made on `w`, from a function named like a page's; returns what it threw. */
function thrownThrough(w: typeof win, make: () => unknown): unknown {
  const n = saveNatives(w);
  const proxied = n.trap(throwingNative(make), 'apply', (t: () => void, self: unknown, args: unknown[]) =>
    Reflect.apply(t, self, args),
  );
  return (function pageCalls() {
    try {
      proxied();
    } catch (e) {
      return e;
    }
    return undefined;
  })();
}

describe('natives.trap: errors thrown through a wrapper', () => {
  it('re-stacks an exception the browser raised, where the engine gives it its own stack', () => {
    let made: unknown;
    const caught = thrownThrough(
      win,
      () => (made = new FakeDOMException('Still in CONNECTING state.', 'InvalidStateError')),
    );
    expect(caught).toBe(made);
    expect(String((caught as Error).stack).split('\n')[0]).toBe('InvalidStateError: Still in CONNECTING state.');
    expect(frames((caught as Error).stack)[0]).toMatch(/at pageCalls /);
  });

  it.each([
    ['a TypeError (it may be the page’s own)', () => new TypeError('Illegal invocation')],
    [
      'a DOMException with no stack of its own (as one a page constructs in V8)',
      () => {
        const e = new FakeDOMException('made by a page', 'SyntaxError');
        delete (e as { stack?: string }).stack;
        return e;
      },
    ],
  ])('leaves %s as it was thrown', (_, make) => {
    let made: Error | undefined;
    let stackBefore: PropertyDescriptor | undefined;
    const caught = thrownThrough(win, () => {
      made = make();
      stackBefore = Object.getOwnPropertyDescriptor(made, 'stack');
      return made;
    });
    expect(caught).toBe(made);
    expect(Object.getOwnPropertyDescriptor(made, 'stack')).toEqual(stackBefore);
  });

  it('wraps nothing where the engine keeps exception stacks on the prototype', () => {
    let made: ProtoStackDOMException | undefined;
    const caught = thrownThrough(protoStackWin, () => (made = new ProtoStackDOMException('m', 'InvalidStateError')));
    expect(caught).toBe(made);
    // Between the native and the page's call there is no frame of a wrapper (natives.ts), and nothing
    // was added to the exception.
    const stack = frames(made?.stack);
    expect(stack.some((f) => f.includes('at native '))).toBe(true);
    expect(stack.filter((f) => /[\\/]natives\.ts:/.test(f))).toEqual([]);
    expect(Object.getOwnPropertyNames(made)).toEqual([]);
  });

  it('passes primitives and results through', () => {
    expect(thrownThrough(win, () => 42)).toBe(42);
    const n = saveNatives(win);
    const add = n.trap(
      (a: number, b: number) => a + b,
      'apply',
      (t: AnyAdd, self: unknown, args: number[]) => Reflect.apply(t, self, args),
    );
    expect(add(2, 3)).toBe(5);
  });
});

type AnyAdd = (a: number, b: number) => number;
