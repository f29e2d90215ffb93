import { beforeAll, describe, expect, it } from 'vitest';
import { conn, recordingOf, T0 } from '../fixtures/recording';
import { testServices } from '../fixtures/analysis';
import { installTestMessages } from '../fixtures/messages';
import { t } from '../../i18n/translate';
import type { LastMessage } from '../../protocol/recording';
import { buildRows } from './rows';

beforeAll(() => installTestMessages());

const msg = (m: Partial<LastMessage>): LastMessage => ({ dir: 'in', at: T0, kind: 'text', size: 1, ...m });

describe('search text', () => {
  it.each<[string, LastMessage[] | undefined]>([
    ['no last messages', undefined],
    [
      'text and hex messages, and one with neither',
      [msg({ text: 'Hello {"Room":1}' }), msg({ dir: 'out', kind: 'binary', hex: '0aff' }), msg({ kind: 'blob' })],
    ],
  ])('%s: URL, reason, code, names and messages, one per line, lower-cased', (_, lastMessages) => {
    const c = { ...conn({ id: 'a', url: 'wss://A.example/Live?Room=1', code: 4004, reason: 'Bad Token' }) };
    if (lastMessages) c.lastMessages = lastMessages;
    const rec = recordingOf([c, conn({ id: 'b', url: 'wss://B.example/', code: 1012 }), conn({ id: 'o', at: T0 + 5 })]);
    rec.connections[2]!.events = rec.connections[2]!.events.filter((e) => e.type === 'open');
    const rows = buildRows(rec, testServices({}).analyze(rec, { profileId: 'default', now: T0 }));
    for (const r of rows) {
      const conn = r.connection;
      const want =
        r.kind === 'open'
          ? conn.url.toLowerCase()
          : [
              conn.url,
              r.closure.reason,
              String(r.closure.code),
              ...r.nameIds.map((id) => t(id)),
              ...(conn.lastMessages ?? []).flatMap((m) => ((m.text ?? m.hex) !== undefined ? [m.text ?? m.hex] : [])),
            ]
              .join('\n')
              .toLowerCase();
      expect(r.searchText).toBe(want);
    }
    expect(rows.map((r) => r.kind)).toEqual(['closure', 'closure', 'open']);
  });
});
