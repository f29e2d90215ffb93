import { afterEach, describe, expect, it } from 'vitest';
import catalog from '../../public/_locales/en/messages.json';
import { catalogTranslator, setTranslator } from '../i18n/translate';
import { localeCatalog } from '../test-support/locale-catalog';
import { cancelText, renderRow } from './render';
import type { AuditRow } from './types';

const t = catalogTranslator(catalog);
const base: AuditRow = {
  endpoint: 'wss://a/live',
  scenario: 'outage:12',
  outcome: 'no-socket',
  level: 'not-run',
  delaysS: [],
};

describe('renderRow', () => {
  it('a row without a verdict says why nothing was judged', () => {
    expect(renderRow(t, base)).toEqual({
      endpoint: 'wss://a/live',
      scenario: 'outage:12',
      scenarioText: 'Outage: connections drop and handshakes are refused for 12 s',
      level: 'not-run',
      levelText: 'Not judged',
      delays: '',
      expected: '',
      sentence: 'No open socket to this endpoint when the scenario started',
      outcomeText: 'No open socket to this endpoint when the scenario started',
    });
  });

  it("a refused simulation shows the background's reason", () => {
    expect(renderRow(t, { ...base, outcome: 'refused', message: 'Nope.' }).sentence).toBe('Nope.');
  });

  it("a judged row carries the verdict's sentence, expectation, rule and delays", () => {
    const r = renderRow(t, {
      ...base,
      scenario: '1012',
      outcome: 'recovered',
      closureId: 'c1',
      level: 'fits',
      delaysS: [1.5],
      verdict: {
        level: 'fits',
        rule: 'restart.fits',
        text: { id: 'ui_verdict_fits' },
        observedDelays: [1.5],
        profileId: 'default',
        expected: { minS: 1, maxS: 5, text: { id: 'ui_unit_seconds', subs: ['1–5'] } },
      },
    });
    expect([r.levelText, r.delays, r.expected, r.sentence, r.rule, r.closureId]).toEqual([
      'Fits',
      '1.50 s',
      '1–5 s',
      'Fits',
      'restart.fits',
      'c1',
    ]);
  });

  it("a counted verdict's sentence is the member of its family for the count", () => {
    const storm = (n: number) =>
      renderRow(t, {
        ...base,
        scenario: '1012',
        outcome: 'not-recovered',
        level: 'problem',
        verdict: {
          level: 'problem',
          rule: 'storm',
          text: { id: 'verdict_storm', subs: [String(n), '0.40 s', '5', '2'], plural: true },
          observedDelays: [],
          profileId: 'default',
        },
      }).sentence;
    expect(storm(1)).toMatch(/^Reconnect storm: 1 attempt within 0\.40 s\. /);
    expect(storm(6)).toMatch(/^Reconnect storm: 6 attempts within 0\.40 s\. /);
  });
});

describe('cancelText', () => {
  it.each([
    [
      0,
      'Cancelled during scenario 2 of 3 (1013): 1 scenario finished before it; nothing more was sent to the page and its sockets were left as they are.',
    ],
    [
      7,
      'Cancelled during scenario 2 of 3 (1013): 1 scenario finished before it; nothing more was sent to the page and its sockets were left as they are. The simulated outage still refuses handshakes for 7 s; it ends by itself.',
    ],
  ])('outage left %i s', (left, text) => {
    expect(
      cancelText(t, {
        scenarios: ['1012', '1013', '1008'],
        cancelled: { scenario: '1013', index: 2, outageLeftS: left },
      }),
    ).toBe(text);
  });
});

describe('cancelText counts the finished scenarios in the grammar of the language', () => {
  afterEach(() => setTranslator(catalogTranslator(catalog)));

  const scenarios = Array.from({ length: 120 }, (_, i) => `close:${3000 + i}`);
  const RLM = '\u200f';
  const AR_REST = 'ولم يُرسَل أي شيء آخر إلى الصفحة، وتُركت مقابسها على حالها.';
  it.each<[string, number, string]>([
    ['en', 1, '0 scenarios finished before it;'],
    ['en', 3, '2 scenarios finished before it;'],
    ['ar', 1, `أُلغي أثناء السيناريو 1 من 120 ${RLM}(close:3000): لم يكتمل أي سيناريو قبله؛ ${AR_REST}`],
    ['ar', 2, `أُلغي أثناء السيناريو 2 من 120 ${RLM}(close:3001): اكتمل سيناريو واحد قبله؛ ${AR_REST}`],
    ['ar', 3, 'اكتمل سيناريوهان قبله؛'],
    ['ar', 4, 'اكتملت 3 سيناريوهات قبله؛'],
    ['ar', 12, 'اكتمل 11 سيناريوًا قبله؛'],
    ['ar', 101, 'اكتمل 100 سيناريو قبله؛'],
    ['hi', 2, '120 में से सिनेरियो 2 (close:3001) के दौरान रद्द किया गया: उससे पहले 1 सिनेरियो पूरा हुआ;'],
    ['hi', 4, 'उससे पहले 3 सिनेरियो पूरे हुए;'],
  ])('%s, scenario %i', (lang, index, want) => {
    const tr = catalogTranslator(localeCatalog(lang));
    setTranslator(tr, { intlLocale: lang });
    const scenario = scenarios[index - 1]!;
    expect(cancelText(tr, { scenarios, cancelled: { scenario, index, outageLeftS: 0 } })).toContain(want);
  });
});
