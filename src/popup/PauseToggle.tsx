/** Per-site pause: recording stops on this hostname until unticked. */
import { useState } from 'react';
import { t } from '../i18n/translate';
import { SettingRefusal } from '../ui/components/SettingRefusal';

export interface PauseToggleProps {
  site: string;
  pausedSites: string[];
  /** Rejects with the reason for the user when the change is refused (the list of paused sites is full). */
  onChange(pausedSites: string[]): Promise<void>;
}

export function PauseToggle({ site, pausedSites, onChange }: PauseToggleProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const paused = pausedSites.includes(site);
  const toggle = () => {
    setBusy(true);
    setError(undefined);
    const next = paused ? pausedSites.filter((s) => s !== site) : [...pausedSites, site];
    // The box follows the stored settings, so a refused change leaves it as it was: the reason says why.
    onChange(next)
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  return (
    <div className="pause-toggle">
      <label className="pause">
        <input type="checkbox" checked={paused} disabled={busy} onChange={toggle} />
        {t('popup_pause_label', [site])}
      </label>
      <SettingRefusal reason={error} testId="popup-pause-error" />
    </div>
  );
}
