/**
 * What the recording lost and how much (never silently discarded): the panel and
 * the popup show the presentation model's dropped labels the same way.
 */
import { droppedLabels } from '../../analysis/present';
import { tText } from '../../i18n/numbers';
import { t } from '../../i18n/translate';
import type { DroppedCounts } from '../../protocol/recording';

export function DroppedNotice({ dropped, headingId }: { dropped: DroppedCounts; headingId: string }) {
  const labels = droppedLabels(dropped);
  if (labels.length === 0) return null;
  return (
    <section className="dropped-notice" role="status" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('dropped_heading')}</h2>
      <ul>
        {labels.map((d) => (
          <li key={d.field} data-field={d.field}>
            {tText(d.text)}
          </li>
        ))}
      </ul>
    </section>
  );
}
