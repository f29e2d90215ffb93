/**
 * Per-site choice to keep the last messages' content (on by default only for
 * local development hosts). Shared by the popup (the tab's site) and the panel
 * (the socket's document's site).
 */
import { captureContentFor, isLocalDevHost } from '../../protocol/capture-policy';
import type { Settings } from '../../protocol/messages';
import { t } from '../../i18n/translate';

interface Props {
  site: string;
  settings: Pick<Settings, 'contentCapture'>;
  onChange(patch: Partial<Settings>): void;
  disabled?: boolean;
}

export function CaptureToggle({ site, settings, onChange, disabled }: Props) {
  const on = captureContentFor(site, settings);
  const toggle = () => onChange({ contentCapture: { ...settings.contentCapture, [site]: !on } });
  return (
    <label
      className="capture-toggle"
      title={t(isLocalDevHost(site) ? 'ui_capture_default_on' : 'ui_capture_default_off')}
    >
      <input
        type="checkbox"
        checked={on}
        disabled={disabled || site === ''}
        onChange={toggle}
        data-testid="capture-content"
      />
      {t('ui_capture_label', [site || '—'])}
    </label>
  );
}
