/** Per-site pause: recording stops on this hostname until unticked. */
import { useState } from 'react';
import { t } from '../i18n/translate';
import { SettingRefusal } from '../ui/components/SettingRefusal';

export interface PauseToggleProps {
  site: string;
  pausedSites: string[];
  /** Rejects with the reason for the user when the change is refused (the list of paused sites is full). */
  onChange(pausedSites: string[]): Promise<void>;
  /** The tab is in a private window: the switch shows the stored choice and cannot change it (CaptureToggle says why). */
  privateTab?: boolean;
}

export function PauseToggle({ site, pausedSites, onChange, privateTab = false }: PauseToggleProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const paused = pausedSites.includes(site);
  const toggle = () => {
    // One change at a time, made from the stored list. The box is not disabled meanwhile, only said to be:
    // a disabled box loses the keyboard focus, which falls to the page's body at every Space.
    if (busy) return;
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
        <input
          type="checkbox"
          checked={paused}
          disabled={privateTab}
          aria-disabled={busy || undefined}
          onChange={toggle}
        />
        {t('popup_pause_label', [site])}
      </label>
      <SettingRefusal reason={error} testId="popup-pause-error" />
    </div>
  );
}
