import { describe, expect, it } from 'vitest';
import catalog from '../../public/_locales/en/messages.json';
import { catalogTranslator } from '../i18n/translate';
import { localeCatalog } from '../test-support/locale-catalog';
import { renderedRow } from './test-rows';
import { droppedLines, formatTable, printable, progressBar, summaryLine } from './table';
import { emptyDropped } from '../protocol/recording';

const t = catalogTranslator(catalog);
const row = renderedRow;

describe('formatTable', () => {
  it('a block per endpoint, a line per scenario, then its sentence and outcome', () => {
    const lines = formatTable(
      [
        row({}),
        row({
          scenario: '1008',
          level: 'problem',
          levelText: 'Problem',
          delays: '',
          expected: '',
          sentence: 'Blind retry.',
        }),
        row({ endpoint: 'ws://127.0.0.1:9/chat' }),
      ],
      t,
    );
    expect(lines).toEqual([
      'Endpoint: ws://127.0.0.1:9/live',
      '  Scenario  Verdict  Delays  Expected',
      '  1012      FITS     1.50 s  1–5 s',
      '      Reconnected after 1.50 s. (Reconnected and stayed open)',
      '  1008      PROBLEM  –       –',
      '      Blind retry. (Reconnected and stayed open)',
      '',
      'Endpoint: ws://127.0.0.1:9/chat',
      '  Scenario  Verdict  Delays  Expected',
      '  1012      FITS     1.50 s  1–5 s',
      '      Reconnected after 1.50 s. (Reconnected and stayed open)',
      '',
    ]);
  });

  it("never passes the page's control characters to the terminal", () => {
    const lines = formatTable([row({ endpoint: 'ws://x/\u001b[2J\u001b]0;pwned\u0007', sentence: 'a\rb\u009bc' })], t);
    // eslint-disable-next-line no-control-regex
    expect(lines.join('\n')).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(printable('ok\u001b[31m')).toBe('ok\uFFFD[31m');
  });
});

describe('summaryLine: its noun agrees with the number of checks', () => {
  it.each<[string, number, number, string]>([
    ['en', 0, 1, 'No problem in 1 check (profile: default).'],
    ['en', 0, 5, 'No problem in 5 checks (profile: default).'],
    ['en', 1, 1, '1 of 1 check found a problem (profile: default).'],
    ['en', 1, 2, '1 of 2 checks found a problem (profile: default).'],
    ['ar', 0, 0, 'لا مشكلة في 0 فحص (ملف التوصيات: default).'],
    ['ar', 0, 1, 'لا مشكلة في الفحص الوحيد (ملف التوصيات: default).'],
    ['ar', 0, 2, 'لا مشكلة في الفحصين (ملف التوصيات: default).'],
    ['ar', 1, 3, 'وجد 1 من 3 فحوص مشكلة (ملف التوصيات: default).'],
    ['ar', 2, 11, 'وجد 2 من 11 فحصًا مشكلة (ملف التوصيات: default).'],
    ['ar', 2, 100, 'وجد 2 من 100 فحص مشكلة (ملف التوصيات: default).'],
    ['hi', 1, 1, '1 जाँच में से 1 में समस्या मिली (प्रोफ़ाइल: default)।'],
    ['hi', 1, 4, '4 जाँचों में से 1 में समस्या मिली (प्रोफ़ाइल: default)।'],
  ])('%s: %i of %i', (lang, problems, checks, want) => {
    expect(summaryLine(problems, checks, 'default', catalogTranslator(localeCatalog(lang)), lang)).toBe(want);
  });
});

describe('progressBar', () => {
  it.each([
    [0, '........'],
    [0.5, '####....'],
    [1, '########'],
    [2, '########'],
    [-1, '........'],
    [NaN, '........'],
  ])('%f → %s', (f, bar) => {
    expect(progressBar(f, 8)).toBe(bar);
  });
});

describe('droppedLines', () => {
  it('lists what the recording lost, as the panel and popup notice do, counted in the catalog language', () => {
    const dropped = { ...emptyDropped(), connectionsRateLimited: 1, fieldsTruncated: 3 };
    expect(droppedLines(dropped, t, 'en')).toEqual([
      'Some data was not recorded:',
      '  1 new connection not recorded: the page opened it faster than the rate limit',
      '  3 long values (URL, reason, stack) shortened to their limit',
    ]);
  });

  it('says nothing when nothing was lost', () => {
    expect(droppedLines(emptyDropped(), t, 'en')).toEqual([]);
  });
});
