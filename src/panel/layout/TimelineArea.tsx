import type { Analysis } from '../../analysis/types';
import type { Recording } from '../../protocol/recording';
import { t } from '../../ui/i18n';

export interface TimelineProps {
  recording: Recording;
  analysis: Analysis;
  selectedId: string | null;
  onSelect(id: string): void;
}

/**
 * Where the Timeline (src/panel/timeline/Timeline.tsx, built separately) goes.
 * Until that component lands this is a labelled placeholder with the same props.
 */
export function TimelineArea(props: TimelineProps) {
  return (
    <div className="timeline-placeholder" role="img" aria-label={t('panel_timeline_label')}>
      {t('panel_timeline_summary', [props.recording.connections.length, props.analysis.closures.length])}
    </div>
  );
}
