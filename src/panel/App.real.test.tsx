import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { profiles } from '../analysis';
import { t } from '../i18n/translate';
import { createStaticSource } from '../ui/data/static-source';
import { App } from './App';
import { conn, recordingOf, T0 } from './fixtures/recording';
import { installTestMessages } from './fixtures/messages';
import { chooseFile, detail, rowIds } from './fixtures/render-app';
import { realServices } from './real-services';

afterEach(cleanup);

// End to end through the real analysis: the table shows the verdict the rules earn.
describe('App with the real analysis', () => {
  it.each([
    ['a 1012 answered after 2 s fits', 2000, 'Fits'],
    ['a 1012 answered after 0.2 s is too soon', 200, 'Problem'],
  ])('%s', async (_name, delayMs, level) => {
    const first = conn({ id: 'first', at: T0, code: 1012, lifeMs: 20_000 });
    const closedAt = T0 + 10 + 20_000;
    const rec = recordingOf(
      [first, conn({ id: 'second', at: closedAt + delayMs, lifeMs: 60_000, code: 1000, pageClosed: true })],
      { exportedAt: closedAt + 120_000 },
    );
    render(<App source={createStaticSource(rec)} services={realServices} />);
    const grid = await screen.findByRole('grid');
    expect(rowIds()).toEqual(['first', 'second']);
    const row = within(grid).getAllByRole('row')[1]!;
    expect(within(row).getByText(level)).toBeTruthy();
  });

  it('offers every profile by its name', async () => {
    render(<App source={createStaticSource(recordingOf([]))} services={realServices} />);
    const select = await screen.findByLabelText('Profile');
    expect(
      within(select)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(profiles.map((p) => t(p.nameId)));
  });

  it('imports a file whose connection ids are named like Object.prototype members', async () => {
    // A 1012 answered by two attempts that fail at once: the attempts are judged with the episode, so they
    // have no verdict of their own, and their ids ("toString", "__proto__") must not find one elsewhere.
    installTestMessages();
    const first = conn({ id: 'first', at: T0, code: 1012, lifeMs: 20_000 });
    const closedAt = T0 + 10 + 20_000;
    const attempts = ['toString', '__proto__'].map((id, i) =>
      conn({ id, at: closedAt + 200 + i * 300, code: 1006, wasClean: false, lifeMs: 10 }),
    );
    const file = recordingOf([first, ...attempts], { exportedAt: closedAt + 120_000 });
    render(<App source={createStaticSource(recordingOf([]))} services={realServices} />);
    chooseFile(JSON.stringify(file));
    const grid = await screen.findByRole('grid', {}, { timeout: 8000 });
    expect(rowIds()).toEqual(['first', 'toString', '__proto__']);
    const rows = within(grid).getAllByRole('row');
    expect(within(rows[1]!).getByText('Problem')).toBeTruthy();
    fireEvent.click(rows[2]!);
    expect(detail().textContent).toContain('No reconnect verdict for this closure.');
  });
});
