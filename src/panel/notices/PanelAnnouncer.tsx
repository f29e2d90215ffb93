import { t } from '../../i18n/translate';
import type { CaptureStatus } from '../../protocol/messages';
import type { PendingImport } from '../hooks/use-import';
import { importingText, statusText } from './Notices';

interface Props {
  status: CaptureStatus | null;
  imported: boolean;
  pending: PendingImport | null;
  /** The recording shown lost data (its dropped notice shows). */
  dropped: boolean;
}

/**
 * The panel's one polite live region for its banners, rendered from the first render on and never
 * removed: screen readers announce a change inside a live region they already know, while a region
 * inserted with its text already in it (a banner appearing) is not announced by all of them. It says
 * what the banners say, the newest first: the file being imported, else the imported file being
 * viewed, else why nothing is captured; then, when the recording shown lost data, the dropped
 * notice's heading (its counts, which grow during a storm, are read from the notice at will). Errors
 * are not repeated here: they are alerts of their own.
 */
export function PanelAnnouncer({ status, imported, pending, dropped }: Props) {
  const text = pending ? importingText(pending) : imported ? t('panel_imported_viewing') : statusText(status);
  return (
    <div className="sr-only" role="status" aria-atomic="true" data-testid="panel-announcer">
      {text === null ? null : <span>{text}</span>}
      {text !== null && dropped ? ' ' : null}
      {dropped ? <span>{t('dropped_heading')}</span> : null}
    </div>
  );
}
