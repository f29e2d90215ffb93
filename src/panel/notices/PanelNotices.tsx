/**
 * What the panel says above its views, in reading order: where the shown recording comes from (live
 * capture status, or the file opened and its profile), an import under way or refused, what a file left
 * out, what the recording dropped, and sockets DevTools saw that were not recorded. Screen readers hear
 * the changes from one announcer instead of each banner.
 */
import type { CaptureStatus } from '../../protocol/messages';
import type { DroppedCounts } from '../../protocol/recording';
import { DroppedNotice, hasDropped } from '../../ui/components/DroppedNotice';
import type { ImportState } from '../hooks/use-import';
import type { HandshakeEntry } from '../network/handshakes';
import { ImportedBanner, ImportErrorBanner, ImportLeftOutBanner, ImportingBanner, StatusBanner } from './Notices';
import { PanelAnnouncer } from './PanelAnnouncer';
import { UnrecordedNotice } from './UnrecordedNotice';

interface Props {
  imports: ImportState;
  status: CaptureStatus | null;
  /** The shown source's own counts: never the other source's, not even for one render after a switch. */
  dropped: DroppedCounts | null;
  /** A shown file has no connections. */
  importedEmpty: boolean;
  /** Said while a file judged by another profile than the one it names is shown. */
  importedProfile: string | undefined;
  filterResult: string;
  unrecorded: readonly HandshakeEntry[];
  /** A URL as the panel shows it: redacted, or only without passwords, as the setting says. */
  shownUrl(url: string): string;
  onBackToLive(): void;
}

export function PanelNotices(props: Props) {
  const { imports, status, dropped, importedProfile, unrecorded } = props;
  return (
    <>
      {imports.imported ? (
        <ImportedBanner onBackToLive={props.onBackToLive} profileNote={importedProfile} />
      ) : (
        <StatusBanner status={status} />
      )}
      {imports.pending ? <ImportingBanner pending={imports.pending} /> : null}
      <PanelAnnouncer
        status={status}
        imported={imports.imported}
        importedEmpty={props.importedEmpty}
        importedProfile={importedProfile}
        pending={imports.pending}
        dropped={dropped !== null && hasDropped(dropped)}
        filterResult={props.filterResult}
      />
      {imports.error ? <ImportErrorBanner error={imports.error} onDismiss={imports.dismissError} /> : null}
      {imports.leftOut ? <ImportLeftOutBanner leftOut={imports.leftOut} onDismiss={imports.dismissLeftOut} /> : null}
      {dropped ? <DroppedNotice dropped={dropped} headingId="panel-dropped" announce={false} /> : null}
      <UnrecordedNotice
        // Paused, or no hook in the tab: nothing is recorded, and the status banner says why.
        entries={status === 'capturing' ? unrecorded : []}
        shown={props.shownUrl}
        rateLimited={(dropped?.connectionsRateLimited ?? 0) > 0}
        unreadable={(dropped?.connectionsUnreadable ?? 0) > 0}
      />
    </>
  );
}
