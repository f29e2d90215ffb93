/**
 * What the recording lost and how much (never silently discarded): the panel and
 * the popup show the presentation model's dropped labels the same way.
 */
import { droppedLabels } from '../../analysis/present';
import { tText } from '../../i18n/numbers';
import { t } from '../../i18n/translate';
import type { DroppedCounts } from '../../protocol/recording';

/** Whether the notice shows anything: the same test as the notice's own. */
export const hasDropped = (dropped: DroppedCounts): boolean => droppedLabels(dropped).length > 0;

interface Props {
  dropped: DroppedCounts;
  headingId: string;
  /**
   * As Banner's: false where the view announces the heading through a live region of its own (the
   * panel): the counts then change without being read out at each eviction of a storm, and the notice
   * stays a labelled region to read at will.
   */
  announce?: 'status' | false;
}

export function DroppedNotice({ dropped, headingId, announce = 'status' }: Props) {
  const labels = droppedLabels(dropped);
  if (labels.length === 0) return null;
  return (
    <section className="dropped-notice" role={announce || undefined} aria-labelledby={headingId}>
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
