/**
 * Per-site choice to keep the last messages' content (on by default only for
 * local development hosts). Shared by the popup (the tab's site) and the panel
 * (the socket's document's site).
 */
import { useState } from 'react';
import { captureContentFor, isLocalDevHost } from '../../protocol/capture-policy';
import type { Settings } from '../../protocol/messages';
import { t } from '../../i18n/translate';
import { SettingRefusal } from './SettingRefusal';

interface Props {
  site: string;
  settings: Pick<Settings, 'contentCapture'>;
  /** Rejects with the reason for the user when the change is refused (choices kept for too many sites). */
  onChange(patch: Partial<Settings>): Promise<unknown>;
  disabled?: boolean;
  /**
   * The tab is in a private window: a choice per site would be stored on disk and outlast the private session,
   * so the switch shows the stored choice, cannot change it, and says why (for the pause switch beside it too).
   */
  privateTab?: boolean;
}

export function CaptureToggle({ site, settings, onChange, disabled, privateTab = false }: Props) {
  // Kept with the site it was refused for: the panel's detail shows one switch for the selected socket's
  // site and keeps this component when another row is selected, so a reason for one site must not stay
  // beside another site's switch (nor appear there when its answer comes after the selection moved).
  const [refused, setRefused] = useState<{ site: string; reason: string }>();
  const error = refused?.site === site ? refused.reason : undefined;
  // Each change sends the whole map, made from what the view shows: while one is unanswered that map may
  // hold a change the background will refuse, so no second change is made from it until the answer. The
  // box is only said to be disabled meanwhile: a disabled box loses the keyboard focus to the page's body.
  const [busy, setBusy] = useState(false);
  const on = captureContentFor(site, settings);
  const toggle = () => {
    if (busy) return;
    setRefused(undefined);
    setBusy(true);
    // A choice that is the site's default is not kept: choices are kept for a limited number of sites,
    // and setting one back frees its place.
    const next = { ...settings.contentCapture, [site]: !on };
    if (!on === isLocalDevHost(site)) delete next[site];
    onChange({ contentCapture: next })
      .catch((e: unknown) => setRefused({ site, reason: e instanceof Error ? e.message : String(e) }))
      .finally(() => setBusy(false));
  };
  return (
    <div className="capture-toggle-box">
      <label
        className="capture-toggle"
        title={t(isLocalDevHost(site) ? 'ui_capture_default_on' : 'ui_capture_default_off')}
      >
        <input
          type="checkbox"
          checked={on}
          disabled={disabled || privateTab || site === ''}
          aria-disabled={busy || undefined}
          onChange={toggle}
          data-testid="capture-content"
        />
        {t('ui_capture_label', [site || '—'])}
      </label>
      {privateTab ? (
        <p className="setting-refusal" data-testid="private-site-choice">
          {t('ui_private_site_choice')}
        </p>
      ) : null}
      <SettingRefusal reason={error} testId="capture-content-error" />
    </div>
  );
}
