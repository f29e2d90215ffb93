import { describe, expect, it } from 'vitest';
import { saveNatives } from './natives';
import { FakeDOMException, win } from './fake-window';

/**
 * natives.trap: what an error thrown through a wrapper carries out. V8 gives each exception its bindings
 * throw a stack of its own, which is captured again from the page's call; an engine that keeps the stack
 * on the prototype (SpiderMonkey) gets the wrapper untouched.
 */
const frames = (stack: unknown) => String(stack).split('\n').slice(1);

/** A window whose engine keeps exception stacks on the prototype: its atob throws one with none of its own. */
const protoStackWin = {
  ...win,
  atob: () => {
    throw Object.create(Error.prototype) as Error;
  },
} as unknown as typeof win;

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
    let made: FakeDOMException | undefined;
    let stack = '';
    const caught = thrownThrough(protoStackWin, () => {
      made = new FakeDOMException('Still in CONNECTING state.', 'InvalidStateError');
      stack = String(made.stack);
      return made;
    });
    expect(caught).toBe(made);
    expect(String((caught as Error).stack)).toBe(stack);
    // The native's own frame and the trap's are still there: nothing captured again.
    expect(frames(stack).some((f) => f.includes('at native '))).toBe(true);
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
