import { describe, expect, it } from 'vitest';
import catalog from '../../public/_locales/en/messages.json';
import { catalogTranslator } from '../i18n/translate';
import { renderedRow } from './test-rows';
import { formatTable, printable, progressBar } from './table';

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
