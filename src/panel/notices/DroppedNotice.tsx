import type { DroppedCounts } from '../../protocol/recording';
import { Banner } from '../../ui/components/Banner';
import { t } from '../../i18n/translate';

const KINDS: readonly (keyof DroppedCounts)[] = [
  'connectionsEvicted',
  'connectionsRateLimited',
  'eventsRejected',
  'eventsOverflowed',
  'fieldsTruncated',
  'marksEvicted',
];

const idOf = (k: keyof DroppedCounts) => `panel_dropped_${k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)}`;

/** What the recording lost and how much: never silently discarded. */
export function DroppedNotice({ dropped }: { dropped: DroppedCounts }) {
  const parts = KINDS.filter((k) => dropped[k] > 0).map((k) => t(idOf(k), [dropped[k]]));
  if (parts.length === 0) return null;
  return <Banner kind="warning">{t('panel_dropped', [parts.join('; ')])}</Banner>;
}
