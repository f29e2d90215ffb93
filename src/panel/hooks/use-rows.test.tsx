import { cleanup, render } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { useRows, type RowsState } from './use-rows';
import type { Analysed } from './use-analysis';
import { testServices } from '../fixtures/analysis';
import { installTestMessages } from '../fixtures/messages';
import { conn, recordingOf, T0 } from '../fixtures/recording';

beforeAll(() => installTestMessages());
afterEach(cleanup);

function Probe(props: { analysed: Analysed; seen: RowsState[] }) {
  props.seen.push(useRows(props.analysed));
  return null;
}

const rec = recordingOf([conn({ id: 'a', code: 1012 }), conn({ id: 'b', code: 1008 }), conn({ id: 'open', at: T0 })]);
const analysis = testServices().analyze(rec, { profileId: 'default', now: T0 });

/** Two versions of one recording whose second analysis has the first one's closures and verdicts. */
function rowsOfTwoVersions(live: boolean) {
  const seen: RowsState[] = [];
  const view = render(<Probe analysed={{ recording: rec, analysis, live }} seen={seen} />);
  const first = seen.at(-1)!.all;
  view.rerender(<Probe analysed={{ recording: rec, analysis: { ...analysis }, live }} seen={seen} />);
  return { first, second: seen.at(-1)!.all };
}

describe('useRows', () => {
  it('keeps the rows of a live recording that did not change for its next version', () => {
    const { first, second } = rowsOfTwoVersions(true);
    expect(second.map((r) => r.id).sort()).toEqual(['a', 'b', 'open']);
    for (let i = 0; i < first.length; i++) expect(second[i]).toBe(first[i]);
  });

  it('keeps nothing for an imported file: each analysis of it is one-shot and makes every row anew', () => {
    const { first, second } = rowsOfTwoVersions(false);
    expect(second).toEqual(first);
    for (let i = 0; i < first.length; i++) expect(second[i]).not.toBe(first[i]);
  });
});
