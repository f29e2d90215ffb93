/** What was not recorded because a bound was hit: never lost silently. */
import type { DroppedCounts } from '../protocol/recording';
import { t } from '../i18n/translate';
import { droppedEntries } from './summary-model';
import { droppedLabelId } from './summary-text';

export function DroppedNotice({ dropped }: { dropped: DroppedCounts }) {
  const entries = droppedEntries(dropped);
  if (entries.length === 0) return null;
  return (
    <section className="notice warn" role="status" aria-labelledby="popup-dropped">
      <h2 id="popup-dropped">{t('popup_dropped_heading')}</h2>
      <ul>
        {entries.map((d) => (
          <li key={d.field} data-field={d.field}>
            {t(droppedLabelId(d.field), [d.count])}
          </li>
        ))}
      </ul>
    </section>
  );
}
