/**
 * A pagehide's `persisted` from the relay to the file and back: checked where the background reads a relay's
 * event, written by an export and read by an import or a restarted worker; refused when it is no boolean or
 * sits on another state; and a mark without it reads as it always did. (The recording keeps it:
 * src/background/tab-recording.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { validateRelayEvent } from './validate-hook-event';
import { decodeStoredRecording, parseRecording } from './validate-recording';
import { exportText } from '../ui/export-recording';
import { conn, recordingOf } from '../panel/fixtures/recording';
import type { LifecycleMark, Mark } from './recording';
import { tText } from '../i18n/numbers';

const NOW = 1_800_000_000_000;

describe('a relay event: persisted on its pagehide', () => {
  it.each<[string, Record<string, unknown>]>([
    ['a pagehide unloaded for good', { t: 'life', at: NOW, state: 'pagehide', persisted: false }],
    ['a pagehide into the back/forward cache', { t: 'life', at: NOW, state: 'pagehide', persisted: true }],
    ['a pagehide from a relay before the field (none)', { t: 'life', at: NOW, state: 'pagehide' }],
    ['another state, without it', { t: 'life', at: NOW, state: 'hidden' }],
  ])('accepts %s as it is', (_name, ev) => {
    expect(validateRelayEvent(ev, NOW)).toEqual({ ok: true, event: ev });
  });

  it('keeps an absent persisted absent (no key), so such a mark is stored as before', () => {
    const v = validateRelayEvent({ t: 'life', at: NOW, state: 'pagehide' }, NOW);
    expect(v.ok && Object.keys(v.event)).toEqual(['t', 'at', 'state']);
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a persisted that is not a boolean',
      { t: 'life', at: NOW, state: 'pagehide', persisted: 'false' },
      'persisted: not a boolean',
    ],
    ['persisted as 0', { t: 'life', at: NOW, state: 'pagehide', persisted: 0 }, 'persisted: not a boolean'],
    [
      'persisted on a state other than pagehide',
      { t: 'life', at: NOW, state: 'hidden', persisted: false },
      'persisted: allowed only on a pagehide mark',
    ],
  ])('rejects %s, saying why', (_name, ev, reason) => {
    expect(validateRelayEvent(ev, NOW)).toEqual({ ok: false, reason });
  });
});

const pagehide = (persisted?: boolean): LifecycleMark => ({
  type: 'lifecycle',
  at: 5,
  frameId: 0,
  documentId: 'd',
  state: 'pagehide',
  ...(persisted !== undefined && { persisted }),
});
const withMarks = (marks: Mark[]) => recordingOf([conn({ id: 'a', code: 1012 })], { marks });

describe('files: exported, imported and stored', () => {
  it.each<[string, Mark[]]>([
    ['unloaded for good', [pagehide(false)]],
    ['into the back/forward cache', [pagehide(true)]],
    ['written before the field (none)', [pagehide(), { ...pagehide(), at: 6, state: 'hidden' }]],
  ])('a pagehide %s reads back exactly as exported', (_name, marks) => {
    const rec = withMarks(marks);
    const text = exportText(rec, true, 9);
    expect(JSON.parse(text).marks).toEqual(marks);
    const res = parseRecording(text);
    expect(res.ok && res.recording.marks).toStrictEqual(marks);
    expect(decodeStoredRecording(JSON.parse(text))?.marks).toStrictEqual(marks);
  });

  it.each<[string, (m: Record<string, unknown>) => void, { id: string; subs: string[] }, string]>([
    [
      'a persisted that is not a boolean',
      (m) => (m.persisted = 'yes'),
      { id: 'panel_import_err_boolean', subs: ['$.marks[0].persisted'] },
      'Invalid recording: $.marks[0].persisted must be true or false.',
    ],
    [
      'persisted on a state other than pagehide',
      (m) => ((m.state = 'hidden'), (m.persisted = false)),
      { id: 'panel_import_err_only_with', subs: ['$.marks[0].persisted', '$.marks[0].state', 'pagehide'] },
      'Invalid recording: $.marks[0].persisted is allowed only where $.marks[0].state is "pagehide".',
    ],
  ])('leaves out a mark with %s from an import, naming the field; refuses it stored', (_name, edit, error, english) => {
    const file = JSON.parse(exportText(withMarks([pagehide(false)]), true, 9));
    edit(file.marks[0]);
    const res = parseRecording(JSON.stringify(file));
    expect(res).toMatchObject({ ok: true, leftOut: { connections: 0, marks: 1, first: error } });
    expect(res.ok && res.recording.marks).toEqual([]);
    expect(res.ok && tText(res.leftOut!.first)).toBe(english);
    expect(decodeStoredRecording(file)).toBeUndefined();
  });
});
