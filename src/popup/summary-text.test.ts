import { afterEach, describe, expect, it } from 'vitest';
import { catalogTranslator, setTranslator } from '../i18n/translate';
import { localeCatalog } from '../test-support/locale-catalog';
import { analyzeRecording } from '../analysis';
import { emptyDropped, type Recording } from '../protocol/recording';
import { DROPPED_FIELDS, droppedLabelId } from '../analysis/present';
import { buildSummaryText } from './summary-text';
import { blindRetryLoop, MIN, recordingOf, sock, T0 } from './test-fixtures';
import { tPlural } from '../i18n/plural';
import { formatTime } from '../ui/components/format';
import { closeAt } from '../test-support/recordings';

const NOW = T0 + 30 * MIN;

function textOf(
  rec: Recording,
  opts: { redactQuery?: boolean; recentMinutes?: number; profileId?: string } = {},
): string {
  const analysis = analyzeRecording(rec, {
    now: NOW,
    ...(opts.profileId !== undefined && { profileId: opts.profileId }),
  });
  // A stand-in name that shows which closure's code was named.
  const nameOf = (id: string) => `name-${analysis.closures.find((c) => c.connectionId === id)?.code}`;
  return buildSummaryText({
    recording: rec,
    analysis,
    now: NOW,
    recentMinutes: opts.recentMinutes ?? 15,
    redactQuery: opts.redactQuery ?? true,
    nameOf,
  });
}

// Old blind-retry loop (20 min ago), a recent normal close, and one socket still open.
const mixed = recordingOf([
  ...blindRetryLoop(NOW - 20 * MIN, 3),
  sock({ id: 'n1', at: NOW - 2 * MIN, code: 1000, url: 'wss://api.example.com/feed?key=k1' }),
  sock({ id: 'open', at: NOW - MIN, url: 'wss://api.example.com/live?token=s3cret&v=2' }),
]);

describe('buildSummaryText', () => {
  it('tags a closure the panel simulated, as the popup does, and leaves a real one untagged', () => {
    const real = sock({ id: 'real', at: NOW - 3 * MIN, code: 1012, url: 'wss://api.example.com/a' });
    const simulated = sock({ id: 'sim', at: NOW - 2 * MIN, code: 1012, url: 'wss://api.example.com/b' });
    simulated.events[1] = closeAt(NOW - 2 * MIN + 20, 1012, { simulated: true });
    const lines = textOf(recordingOf([real, simulated])).split('\n');
    const closureLine = (url: string) => lines.find((l) => l.endsWith(url)) ?? '';
    expect(closureLine('wss://api.example.com/b')).toMatch(/^ {2}\[\w+\] 1012 name-1012 \(simulated\) at .* — /);
    expect(closureLine('wss://api.example.com/a')).not.toContain('simulated');
  });

  it.each([
    [true, 'token=REDACTED&v=REDACTED', 's3cret'],
    [false, 'token=s3cret&v=2', 'REDACTED'],
  ])('redactQuery %s: URLs read %s', (redactQuery, present, absent) => {
    const text = textOf(mixed, { redactQuery });
    expect(text).toContain(present);
    expect(text).not.toContain(absent);
  });

  it.each([
    [15, 'Closures in the last 15 minutes: 1 (problems: 0)', ['1000 name-1000: × 1']],
    [
      30,
      'Closures in the last 30 minutes: 4 (problems: 1)',
      ['1008 name-1008: 1 episode: blind retry ×2', '1000 name-1000: × 1'],
    ],
  ])('a %i-minute window counts only its closures', (recentMinutes, header, groups) => {
    const text = textOf(mixed, { recentMinutes });
    expect(text).toContain(header);
    const groupLines = text.split('\n').filter((l) => /^ {2}\d{4} name-/.test(l));
    expect(groupLines.map((l) => l.trim())).toEqual(groups);
  });

  it('lists the old problem before the newer routine close, with its verdict sentence', () => {
    const lines = textOf(mixed).split('\n');
    const closureLines = lines.filter((l) => l.startsWith('  [')).map((l) => l.trim());
    expect(closureLines[0]).toMatch(/^\[Problem\] 1008 name-1008 at /);
    expect(closureLines[1]).toMatch(/^\[Info\] 1000 name-1000 at /);
    const problemAt = lines.findIndex((l) => l.includes('[Problem]'));
    expect(lines[problemAt + 1]?.trim()).toMatch(/^Retried the same request .* after close code 1008/);
  });

  it.each([
    ['default', 'Closeline default'],
    ['iana', 'IANA reference text'],
    ['rfc6455', 'RFC 6455 §7.2.3'],
    // Stored by a newer build or by hand: the default judged, and the text says both.
    ['strict', '“strict” (unknown here: judged by Closeline default)'],
  ])(
    'says which profile judged its verdicts (%s): pasted elsewhere, a verdict means nothing without it',
    (id, name) => {
      expect(textOf(mixed, { profileId: id }).split('\n')[1]).toBe(`Judged by the profile: ${name}`);
    },
  );

  it('states the open connections and names the site', () => {
    const text = textOf(mixed);
    // The popup's own time format, with the date and zone added for a reader elsewhere.
    expect(text.split('\n')[0]).toBe(
      `Closeline summary for app.example.com at ${formatTime(NOW, { date: true, zone: true })}`,
    );
    expect(text).toContain('Open now: 1\n  wss://api.example.com/live?');
  });

  it.each([
    [{}, false],
    [{ eventsOverflowed: 12 }, true],
  ])('dropped %j -> section shown: %s', (patch, shown) => {
    const text = textOf(recordingOf(mixed.connections, { dropped: { ...emptyDropped(), ...patch } }));
    expect(text.includes('Not recorded:')).toBe(shown);
    if (shown) expect(text).toContain('12 events lost because a buffer between the page and Closeline was full');
  });

  it('every dropped field has a label in the catalog', () => {
    for (const f of DROPPED_FIELDS) expect(tPlural(droppedLabelId(f), 3)).toMatch(/^3 /);
  });
});

describe('buildSummaryText in the plural form of the language', () => {
  afterEach(() => setTranslator(catalogTranslator(localeCatalog('en'))));
  it.each<[string, number, string]>([
    ['en', 1, 'Closures in the last 1 minute: '],
    ['en', 2, 'Closures in the last 2 minutes: '],
    ['ar', 1, 'عمليات الإغلاق في آخر دقيقة: '],
    ['ar', 2, 'عمليات الإغلاق في آخر دقيقتين: '],
    ['ar', 5, 'عمليات الإغلاق في آخر 5 دقائق: '],
    ['ar', 15, 'عمليات الإغلاق في آخر 15 دقيقة: '],
    ['hi', 5, 'पिछले 5 मिनट में क्लोज़र: '],
  ])('%s, a %i-minute window', (lang, recentMinutes, header) => {
    setTranslator(catalogTranslator(localeCatalog(lang)), { intlLocale: lang });
    const lines = textOf(mixed, { recentMinutes }).split('\n');
    expect(lines.filter((l) => l.startsWith(header))).toHaveLength(1);
  });
});
