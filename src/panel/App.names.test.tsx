/**
 * The table and the timeline are found by their role and accessible name, as a
 * screen reader announces them; the names are the catalog's, in every language.
 */
import { cleanup, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import ar from '../../public/_locales/ar/messages.json';
import en from '../../public/_locales/en/messages.json';
import hi from '../../public/_locales/hi/messages.json';
import type { CatalogEntry } from '../i18n/translate';
import { conn, recordingOf, T0 } from './fixtures/recording';
import { installTestMessages } from './fixtures/messages';
import { renderApp } from './fixtures/render-app';

afterEach(() => {
  cleanup();
  installTestMessages();
});

const rec = recordingOf([
  conn({ id: 'a', at: T0, url: 'wss://rt.example/policy', code: 1008, reason: 'Token expired' }),
  conn({ id: 'b', at: T0 + 1000, url: 'wss://rt.example/restart', code: 1012, reason: 'deploy' }),
]);

describe('accessible names of the table and the timeline', () => {
  it('in English', async () => {
    renderApp(rec);
    const table = await screen.findByRole('grid', { name: 'WebSocket connections and closures' });
    // The grid named so is the closures table: a header row and the two closures.
    expect(table.getAttribute('aria-rowcount')).toBe('3');
    expect(await screen.findByRole('application', { name: 'Connection timeline' })).toBeTruthy();
  });

  it.each([
    ['en', en],
    ['ar', ar],
    ['hi', hi],
  ] as const)('from the %s catalog', async (lang, catalog) => {
    const messages = catalog as Record<string, CatalogEntry>;
    const tableName = messages.panel_table_label?.message;
    const timelineName = messages.timeline_aria_label?.message;
    // A translation that kept the English name would pass the Arabic and Hindi cases without proving anything.
    if (lang !== 'en') {
      expect(tableName).not.toBe(en.panel_table_label.message);
      expect(timelineName).not.toBe(en.timeline_aria_label.message);
    }
    renderApp(rec, {}, {}, { catalog: messages });
    expect(await screen.findByRole('grid', { name: tableName })).toBeTruthy();
    expect(await screen.findByRole('application', { name: timelineName })).toBeTruthy();
  });
});
