import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import catalog from '../../../public/_locales/en/messages.json';
import type { StallResult } from '../../analysis/stall';
import { catalogTranslator, setTranslator } from '../../i18n/translate';
import { localeCatalog as catalogOf, type Catalog } from '../../test-support/locale-catalog';
import { StallResults } from './StallResults';

const en = catalog as Catalog;

afterEach(() => {
  cleanup();
  setTranslator(catalogTranslator(en));
});

const stall = (text: StallResult['text']): StallResult => ({
  connectionId: 'c',
  startedAt: 1,
  seconds: 90,
  state: 'not-noticed',
  watchedS: 75.5,
  level: 'advice',
  text,
});

describe('StallResults', () => {
  it('shows the stall seconds in the locale digits (ar-EG)', () => {
    setTranslator(catalogTranslator(catalogOf('ar')), { intlLocale: 'ar-EG', isolate: true });
    render(<StallResults stalls={[stall({ id: 'analysis_stall_not_noticed', subs: ['75.50 s', '60'] })]} />);
    const text = screen.getByTestId('stall-result-text').textContent ?? '';
    // 75.50 and 60 in Arabic-Indic digits with the Arabic decimal sign; no ASCII digit left.
    expect(text).toContain('٧٥٫٥٠');
    expect(text).toContain('٦٠');
    expect(text).not.toMatch(/[0-9]/);
  });

  it('keeps the same numbers in English', () => {
    render(<StallResults stalls={[stall({ id: 'analysis_stall_not_noticed', subs: ['75.50 s', '60'] })]} />);
    expect(screen.getByTestId('stall-result-text').textContent).toBe(
      'Not noticed within 75.50 s: the page kept waiting on a silent connection for more than 60 s.',
    );
  });
});
