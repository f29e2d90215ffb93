/** The two settings a glance needs: how far back "recent" reaches, and whether exports redact query values. */
import type { Settings } from '../protocol/messages';
import { t } from '../i18n/translate';
import { tPlural } from '../i18n/plural';
import { LanguageSelect } from '../ui/components/LanguageSelect';

export const RECENT_CHOICES = [5, 15, 60, 240] as const;

interface Props {
  recentMinutes: number;
  redactQuery: boolean;
  exportContent: boolean;
  language: Settings['language'];
  onChange(patch: Partial<Settings>): void;
}

export function PopupSettings({ recentMinutes, redactQuery, exportContent, language, onChange }: Props) {
  // Keep a stored value that is not one of the choices selectable.
  const choices = RECENT_CHOICES.includes(recentMinutes as (typeof RECENT_CHOICES)[number])
    ? RECENT_CHOICES
    : [...RECENT_CHOICES, recentMinutes].sort((a, b) => a - b);
  return (
    <section className="section settings" aria-labelledby="popup-settings">
      <h2 id="popup-settings">{t('popup_settings_heading')}</h2>
      <label>
        {t('popup_recent_window')}{' '}
        <select
          value={recentMinutes}
          onChange={(e) => onChange({ recentMinutes: Number(e.target.value) })}
          data-testid="recent-minutes"
        >
          {choices.map((m) => (
            <option key={m} value={m}>
              {tPlural('popup_minutes_option', m)}
            </option>
          ))}
        </select>
      </label>
      <label title={t('ui_redact_query_title')}>
        <input
          type="checkbox"
          checked={redactQuery}
          onChange={(e) => onChange({ redactQuery: e.target.checked })}
          data-testid="redact-query"
        />{' '}
        {t('ui_redact_query')}
      </label>
      <label title={t('ui_export_content_title')}>
        <input
          type="checkbox"
          checked={exportContent}
          onChange={(e) => onChange({ exportContent: e.target.checked })}
          data-testid="export-content"
        />{' '}
        {t('ui_export_content')}
      </label>
      <LanguageSelect value={language} onChange={(l) => onChange({ language: l })} />
    </section>
  );
}
