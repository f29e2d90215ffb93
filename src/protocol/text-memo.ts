/**
 * A pure function of a text, remembered by text. Recordings repeat few texts many times (a socket's
 * URL on every reconnect attempt, one stack per call site), so each is worked out once. With `max`,
 * at most that many answers are kept and all are dropped when full (the texts in use come back at
 * once); texts longer than `maxChars` are worked out every time, so a few huge ones cannot fill the
 * memo's memory. Answers must not be `undefined` (that is how a missing one is told apart).
 */
export function textMemo<T>(work: (text: string) => T, max = Infinity, maxChars = Infinity): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    if (text.length > maxChars) return work(text);
    let answer = known.get(text);
    if (answer === undefined) {
      answer = work(text);
      if (known.size >= max) known.clear();
      known.set(text, answer);
    }
    return answer;
  };
}
