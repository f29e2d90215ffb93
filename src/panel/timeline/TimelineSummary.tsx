/**
 * What the canvas shows, as text for screen readers: counts and one line per
 * lane (cut short on huge recordings; the table lists every connection).
 */
import { memo } from 'react';
import { t } from '../../i18n/translate';
import { formatNumber } from '../../i18n/numbers';
import { pluralId, tPlural } from '../../i18n/plural';
import type { Lane, TimelineModel } from './layout';
import { useLocale } from '../../ui/locale/LocaleRoot';
import { PageText, tNodes } from '../../ui/components/PageText';

/** The lane's endpoint as page text, with its frame when not the top one. */
function laneName(lane: Lane) {
  const endpoint = <PageText key="endpoint" text={lane.endpoint} />;
  return lane.frameId === 0 ? endpoint : tNodes('timeline_lane_frame', [endpoint, formatNumber(lane.frameId)]);
}

export const MAX_SUMMARY_LANES = 100;

export const TimelineSummary = memo(function TimelineSummary({ model, id }: { model: TimelineModel; id: string }) {
  useLocale(); // a new language re-renders the memoised summary
  const lanes = model.lanes.slice(0, MAX_SUMMARY_LANES);
  const more = model.lanes.length - lanes.length;
  return (
    <div className="sr-only" id={id}>
      <p>
        {t('timeline_summary', [
          tPlural('timeline_summary_lanes', model.lanes.length),
          tPlural('timeline_summary_connections', model.bars.length),
          tPlural('timeline_summary_closures', model.closureOrder.length),
        ])}
      </p>
      <ul aria-label={t('timeline_lanes_label')}>
        {lanes.map((lane) => (
          <li key={lane.key}>
            {tNodes(pluralId('timeline_lane_summary', lane.connectionCount), [
              formatNumber(lane.connectionCount),
              laneName(lane),
              formatNumber(lane.closureCount),
            ])}
          </li>
        ))}
        {more > 0 && <li>{tPlural('timeline_lanes_more', more)}</li>}
      </ul>
      <p>{t('timeline_keys_help')}</p>
    </div>
  );
});
