import { t } from '../../i18n/translate';
import type { CaptureStatus } from '../../protocol/messages';
import type { PendingImport } from '../hooks/use-import';
import { importingText, statusText } from './Notices';

interface Props {
  status: CaptureStatus | null;
  imported: boolean;
  pending: PendingImport | null;
}

/**
 * The panel's one polite live region for its banners, rendered from the first render on and never
 * removed: screen readers announce a change inside a live region they already know, while a region
 * inserted with its text already in it (a banner appearing) is not announced by all of them. It says
 * what the banners say, the newest first: the file being imported, else the imported file being
 * viewed, else why nothing is captured. Errors are not repeated here: they are alerts of their own.
 */
export function PanelAnnouncer({ status, imported, pending }: Props) {
  const text = pending ? importingText(pending) : imported ? t('panel_imported_viewing') : statusText(status);
  return (
    <div className="sr-only" role="status" aria-atomic="true" data-testid="panel-announcer">
      {text}
    </div>
  );
}
