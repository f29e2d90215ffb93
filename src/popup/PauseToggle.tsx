/** Per-site pause: recording stops on this hostname until unticked. */
import { useState } from 'react';
import { t } from '../i18n/translate';

export interface PauseToggleProps {
  site: string;
  pausedSites: string[];
  onChange(pausedSites: string[]): Promise<void>;
}

export function PauseToggle({ site, pausedSites, onChange }: PauseToggleProps) {
  const [busy, setBusy] = useState(false);
  const paused = pausedSites.includes(site);
  const toggle = () => {
    setBusy(true);
    const next = paused ? pausedSites.filter((s) => s !== site) : [...pausedSites, site];
    onChange(next).finally(() => setBusy(false));
  };
  return (
    <label className="pause">
      <input type="checkbox" checked={paused} disabled={busy} onChange={toggle} />
      {t('popup_pause_label', [site])}
    </label>
  );
}
