import { t } from '../../i18n/translate';
import { LiveRegion } from '../../ui/components/LiveRegion';
import type { CaptureStatus } from '../../protocol/messages';
import type { PendingImport } from '../hooks/use-import';
import { importingText, statusText } from './Notices';

interface Props {
  status: CaptureStatus | null;
  imported: boolean;
  /** The imported file is shown and has no connections (the empty state says so, but is no live region). */
  importedEmpty: boolean;
  /** The imported banner's note that another profile judged the file when it was exported. */
  importedProfile?: string | undefined;
  pending: PendingImport | null;
  /** The recording shown lost data (its dropped notice shows). */
  dropped: boolean;
  /** The filters' result once the user stopped changing them (useFilterAnnouncement), else empty. */
  filterResult: string;
}

/**
 * The panel's live regions for its notices (LiveRegion: there from the first render, never removed):
 * - The first says what the banners say, the newest first: the file being imported, else the imported
 *   file being viewed (and, for a file without connections, that it has none), else why nothing is
 *   captured. After a refused file it says again what it said before (the alert comes first).
 * - The second says the dropped notice's heading while the recording shown lost data: apart, so that it
 *   is not read again with every banner's change, and without the counts, which grow during a storm
 *   and are read from the notice at will.
 * - The third says how many connections the filters show, once the user stopped changing them: never
 *   for live updates, which change the count on screen without a word.
 * Errors are not repeated here: they are alerts of their own, announced when they appear.
 */
export function PanelAnnouncer(props: Props) {
  const { status, imported, importedEmpty, importedProfile, pending, dropped, filterResult } = props;
  const viewing = [
    t('panel_imported_viewing'),
    ...(importedProfile ? [importedProfile] : []),
    ...(importedEmpty ? [t('panel_empty_imported')] : []),
  ].join(' ');
  const text = pending ? importingText(pending) : imported ? viewing : statusText(status);
  return (
    <>
      <LiveRegion testId="panel-announcer">{text}</LiveRegion>
      <LiveRegion testId="panel-dropped-announcer">{dropped ? t('dropped_heading') : null}</LiveRegion>
      <LiveRegion testId="panel-filter-announcer">{filterResult}</LiveRegion>
    </>
  );
}
