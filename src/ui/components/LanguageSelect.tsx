/**
 * The language setting, in the panel's toolbar and the popup's settings. Each
 * language is named in its own script (lang on the option), so a reader finds
 * theirs whatever the current language is.
 */
import { LANGUAGES, type LanguageSetting } from '../../protocol/messages';
import { t } from '../../i18n/translate';
import { LANGUAGE_NAME_IDS } from '../../i18n/languages';

const CHOICES: readonly LanguageSetting[] = ['auto', ...LANGUAGES];

interface Props {
  value: LanguageSetting | undefined;
  disabled?: boolean;
  onChange(language: LanguageSetting): void;
  className?: string;
}

export function LanguageSelect({ value, disabled, onChange, className }: Props) {
  return (
    <label className={className} title={t('ui_language_title')}>
      {t('ui_language')}{' '}
      <select
        value={value ?? 'auto'}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as LanguageSetting)}
        data-testid="language"
      >
        {CHOICES.map((c) => (
          <option key={c} value={c} lang={c === 'auto' ? undefined : c}>
            {t(LANGUAGE_NAME_IDS[c])}
          </option>
        ))}
      </select>
    </label>
  );
}
