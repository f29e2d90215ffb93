import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Toolbar } from './Toolbar';
import { DEFAULT_SETTINGS, type Settings } from '../../protocol/messages';
import { profiles } from '../../analysis/profiles';
import { t } from '../../i18n/translate';

afterEach(cleanup);

function renderToolbar(settings: Settings, onSettings = vi.fn()) {
  render(
    <Toolbar
      settings={settings}
      profiles={profiles}
      onSettings={onSettings}
      onClear={() => undefined}
      canClear
      onExport={() => undefined}
      canExport
      onImport={() => undefined}
      helpOpen={false}
      onHelp={() => undefined}
    />,
  );
  const select = screen.getByRole('combobox', { name: t('panel_profile') }) as HTMLSelectElement;
  return { select, onSettings };
}

describe('Toolbar: the stored profile', () => {
  it('says which profile judges, and that a stored id it does not know is judged by the default', () => {
    // Written by a newer build, or by hand: kept as stored, but not one this build can judge by.
    const { select, onSettings } = renderToolbar({ ...DEFAULT_SETTINGS, profileId: 'strict' });
    const shown = select.options[select.selectedIndex]!;
    expect(shown.textContent).toBe(t('ui_profile_unknown', ['strict', t('verdict_profile_default_name')]));
    // Not one to choose; choosing the default (shown as a choice of its own) stores it.
    expect(shown.disabled).toBe(true);
    fireEvent.change(select, { target: { value: 'default' } });
    expect(onSettings).toHaveBeenCalledWith({ profileId: 'default' });
  });

  it('offers only the known profiles when the stored one is known', () => {
    const { select } = renderToolbar({ ...DEFAULT_SETTINGS, profileId: 'iana' });
    expect([...select.options].map((o) => o.value)).toEqual(profiles.map((p) => p.id));
    expect(select.value).toBe('iana');
  });
});
