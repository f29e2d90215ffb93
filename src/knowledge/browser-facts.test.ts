// What a page can actually see of a code, said where the panel explains it. The browser never passes
// its own protocol failures to the page as their code: it fails the connection (the page sees 1006)
// and sends the server 1002, 1007 or 1009 itself; and a page cannot send them (close() accepts only
// 1000 and 3000–4999, WHATWG WebSockets). A "when" text that lists a browser-side cause as a way to
// see the code misleads.
import { describe, expect, it } from 'vitest';
import { t } from '../i18n/translate';
import { lookupCode } from './index';

function whenText(code: number): string {
  const found = lookupCode(code);
  if (found.kind !== 'known') throw new Error(`${code} has no entry`);
  return t(found.entry.whenId);
}

describe('browser facts in the standard codes’ "when" texts', () => {
  it.each<[number, string, RegExp, RegExp | null]>([
    // [code, the fact, what the text must say, a claim it must not make]
    [1002, 'a server breaking the protocol shows as 1006', /the page then sees 1006, not 1002/, null],
    // The old text listed "a server that sends invalid UTF-8" as a cause of the 1007 the page sees.
    [
      1007,
      'a server sending invalid UTF-8 shows as 1006',
      /the page then sees 1006, not 1007/,
      /or a server that sends invalid UTF-8\./,
    ],
    // The old text listed the page's own raw bytes and lone surrogates as causes.
    [1007, 'a page cannot send invalid UTF-8', /A page cannot send invalid UTF-8/, /lone surrogate half\), or/],
    // The old text listed "the reverse in a client library with a limit".
    [
      1009,
      'a message the browser refuses shows as 1006',
      /the page then sees 1006, not 1009/,
      /the reverse in a client library/,
    ],
    [1009, 'a page cannot send 1009', /A page cannot send 1009/, null],
  ])('%i: %s', (code, _fact, says, mustNot) => {
    const text = whenText(code);
    expect(text).toMatch(says);
    if (mustNot) expect(text).not.toMatch(mustNot);
  });
});
