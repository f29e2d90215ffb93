import { render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogTranslator, setTranslator } from '../../i18n/translate';
import { END_CAUSES } from '../../protocol/exact-connection';
import type { SocketEvent } from '../../protocol/recording';
import { localeCatalog } from '../../test-support/locale-catalog';
import { connectionOf, T0 } from '../../test-support/recordings';
import { RawEvents } from './RawEvents';

afterEach(() => setTranslator(catalogTranslator(localeCatalog('en'))));

const stallEnd = (outcome: 'delivered' | 'dropped', heldIn: number, heldOut: number): SocketEvent => ({
  type: 'stall-end',
  at: T0 + 1000,
  outcome,
  heldIn,
  heldOut,
  simulated: true,
});

/** The details cell of the event, the row after the connection's creation. */
function eventLine(event: SocketEvent): string {
  const { container } = render(<RawEvents connection={connectionOf({ id: 'c', events: [event] })} />);
  const rows = container.querySelectorAll('table.raw-events tr');
  return rows[1]?.querySelectorAll('td')[2]?.textContent ?? '';
}

describe("a stall's end agrees with the held messages in all", () => {
  it.each<[string, 'delivered' | 'dropped', number, number, string]>([
    ['en', 'delivered', 1, 0, 'stall ended; 1 held message delivered (1 incoming, 0 outgoing)'],
    ['en', 'dropped', 1, 1, 'stall ended by a close; 2 held messages dropped (1 incoming, 1 outgoing)'],
    ['ar', 'delivered', 0, 0, 'انتهى الصمت؛ لم تكن هناك رسائل محتجزة لتُسلَّم (الواردة: 0، الصادرة: 0)'],
    ['ar', 'delivered', 0, 1, 'انتهى الصمت؛ سُلِّمت رسالة محتجزة واحدة (الواردة: 0، الصادرة: 1)'],
    ['ar', 'dropped', 1, 1, 'انتهى الصمت بإغلاق؛ أُسقطت رسالتان محتجزتان (الواردة: 1، الصادرة: 1)'],
    ['ar', 'delivered', 2, 1, 'انتهى الصمت؛ سُلِّمت 3 رسائل محتجزة (الواردة: 2، الصادرة: 1)'],
    ['ar', 'dropped', 10, 1, 'انتهى الصمت بإغلاق؛ أُسقطت 11 رسالة محتجزة (الواردة: 10، الصادرة: 1)'],
    ['ar', 'delivered', 60, 40, 'انتهى الصمت؛ سُلِّمت 100 رسالة محتجزة (الواردة: 60، الصادرة: 40)'],
    ['hi', 'delivered', 1, 0, 'स्टॉल ख़त्म; रोका गया 1 संदेश पहुँचाया गया (आने वाले: 1, जाने वाले: 0)'],
    ['hi', 'dropped', 2, 1, 'स्टॉल क्लोज़ से ख़त्म; रोके गए 3 संदेश छोड़ दिए गए (आने वाले: 2, जाने वाले: 1)'],
  ])('%s: %s, %i in and %i out', (lang, outcome, heldIn, heldOut, want) => {
    setTranslator(catalogTranslator(localeCatalog(lang)), { intlLocale: lang });
    expect(eventLine(stallEnd(outcome, heldIn, heldOut))).toBe(want);
  });
});

describe("a socket's end with its document", () => {
  // Every cause a recording may hold (an imported file's too) is worded in every language.
  it.each(['en', 'ar', 'hi'].flatMap((lang) => END_CAUSES.map((cause) => [lang, cause] as const)))(
    '%s: %s',
    (lang, cause) => {
      setTranslator(catalogTranslator(localeCatalog(lang)), { intlLocale: lang });
      expect(eventLine({ type: 'ended-with-document', at: T0 + 1000, cause })).toMatch(/1001/);
    },
  );
});

describe('the fields a connection lists as shortened', () => {
  it("are isolated: an imported file's names cannot reorder the sentence", () => {
    const connection = connectionOf({ id: 'c', truncated: ['url', '\u202Eexe.gnp'] });
    const { container } = render(<RawEvents connection={connection} />);
    const note = container.querySelector('p.note')!;
    expect(note.textContent).toBe('Shortened to fit the recording: url, U+202Eexe.gnp');
    expect([...note.querySelectorAll('bdi')].map((b) => b.textContent)).toEqual(['url, U+202Eexe.gnp']);
  });
});
