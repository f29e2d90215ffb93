/**
 * What the canvas shows, as text for screen readers: counts and one line per
 * lane (cut short on huge recordings; the table lists every connection).
 */
import { memo } from 'react';
import { t } from '../../i18n/translate';
import { laneLabel } from './labels';
import type { TimelineModel } from './layout';
import { useLocale } from '../../ui/locale/LocaleRoot';

export const MAX_SUMMARY_LANES = 100;

export const TimelineSummary = memo(function TimelineSummary({ model, id }: { model: TimelineModel; id: string }) {
  useLocale(); // a new language re-renders the memoised summary
  const lanes = model.lanes.slice(0, MAX_SUMMARY_LANES);
  const more = model.lanes.length - lanes.length;
  return (
    <div className="tl-sr-only" id={id}>
      <p>{t('timeline_summary', [model.lanes.length, model.bars.length, model.closureOrder.length])}</p>
      <ul aria-label={t('timeline_lanes_label')}>
        {lanes.map((lane) => (
          <li key={lane.key}>
            {t('timeline_lane_summary', [laneLabel(lane), lane.connectionCount, lane.closureCount])}
          </li>
        ))}
        {more > 0 && <li>{t('timeline_lanes_more', [more])}</li>}
      </ul>
      <p>{t('timeline_keys_help')}</p>
    </div>
  );
});
