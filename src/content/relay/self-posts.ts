/**
 * The page's own window messages, looked at for forgeries of Closeline's messages (counted, never stored).
 *
 * A message's `data` is read only once the page's own listeners have run: the first read in a world
 * deserialises the message for that world, and a transferred stream (ReadableStream, WritableStream,
 * TransformStream) can be deserialised only once. Read in the relay's listener, which runs before any page
 * script's, it left the page's `e.data` null. So the events wait for a timer, one for each run of messages.
 *
 * The wait is bounded: a page posting to itself faster than timers run would otherwise have the relay hold
 * every event (and its data) until one did. At the bound, the events whose dispatch has ended
 * (`eventPhase` is NONE: every page listener has had them) are checked at once; one still being dispatched
 * (a page listener dispatching another message event from inside its own) keeps waiting, and such nesting
 * is bounded by the page's own call stack.
 */
export const SELF_POSTS_HELD = 256;

export interface SelfPostsDeps {
  /** Is this message data a forgery of Closeline's own? */
  isForged(data: unknown): boolean;
  /** Count one forgery. */
  onForged(): void;
  setTimer(fn: () => void, ms: number): void;
  held?: number;
}

/** Returns the listener for the window's `message` events that the page posted to itself. */
export function watchSelfPosts(deps: SelfPostsDeps): (e: MessageEvent) => void {
  const bound = deps.held ?? SELF_POSTS_HELD;
  let held: MessageEvent[] = [];
  let timerSet = false;
  const check = (e: MessageEvent) => {
    const d: unknown = e.data;
    if (typeof d === 'object' && d !== null && deps.isForged(d)) deps.onForged();
  };
  const onTimer = () => {
    timerSet = false;
    const events = held;
    held = [];
    for (const e of events) check(e);
  };
  const checkDispatched = () => {
    const waiting: MessageEvent[] = [];
    for (const e of held) {
      if (e.eventPhase === 0) check(e);
      else waiting.push(e);
    }
    held = waiting;
  };
  return (e) => {
    if (held.length >= bound) checkDispatched();
    held.push(e);
    if (!timerSet) {
      timerSet = true;
      deps.setTimer(onTimer, 0);
    }
  };
}
