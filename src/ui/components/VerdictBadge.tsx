import type { VerdictLevel } from '../../analysis/types';
import { t } from '../../i18n/translate';

/** A verdict level as a small coloured label; the colour is never the only signal (the word is there). */
export function VerdictBadge({ level }: { level: VerdictLevel }) {
  return <span className={`verdict-badge verdict-${level}`}>{t(`ui_verdict_${level}`)}</span>;
}
