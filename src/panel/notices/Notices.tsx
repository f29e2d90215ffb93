import type { ReactNode } from 'react';
import type { CaptureStatus } from '../../protocol/messages';
import { Banner } from '../../ui/components/Banner';
import { t } from '../../i18n/translate';
import type { I18nText } from '../../analysis/types';
import { CatalogText } from '../../ui/components/CatalogText';
import { PageText, tNodes } from '../../ui/components/PageText';
import { formatSize } from '../../ui/components/format';
import type { PendingImport } from '../hooks/use-import';
import type { LeftOut } from '../../protocol/validate-recording';
import { tPlural } from '../../i18n/plural';

/** What the capture status banner says; null while capturing. */
export function statusText(status: CaptureStatus | null): string | null {
  if (status === 'no-hook') return t('panel_status_no_hook');
  if (status === 'late') return t('panel_status_late');
  if (status === 'paused') return t('panel_status_paused');
  return null;
}

/**
 * Tabs opened before install (or paused sites) record nothing until reloaded / resumed, and a page the hook
 * reached only after it started (Firefox, at install) recorded nothing of its start. The panel's
 * banners other than errors are announced by PanelAnnouncer, so they are no live regions themselves.
 */
export function StatusBanner({ status }: { status: CaptureStatus | null }) {
  const text = statusText(status);
  if (text === null) return null;
  return (
    <Banner kind={status === 'no-hook' ? 'warning' : 'info'} announce={false}>
      {text}
    </Banner>
  );
}

/** `profileNote`: the file names another profile than the one judging it here. */
export function ImportedBanner({ onBackToLive, profileNote }: { onBackToLive(): void; profileNote?: string }) {
  return (
    <Banner
      kind="info"
      announce={false}
      actions={
        <button type="button" onClick={onBackToLive}>
          {t('panel_imported_back')}
        </button>
      }
    >
      {t('panel_imported_viewing')}
      {profileNote ? (
        <>
          {' '}
          <span data-testid="imported-profile">{profileNote}</span>
        </>
      ) : null}
    </Banner>
  );
}

/** "Importing ‹name› (‹size›)…", the name isolated: it comes from the user's file system. */
export function importingText(pending: PendingImport): ReactNode {
  return tNodes('panel_importing', [<PageText key="name" text={pending.name} dir="auto" />, formatSize(pending.bytes)]);
}

/**
 * A chosen file being read and checked: one of tens of megabytes takes seconds, with the panel busy.
 * The bar moves by a transform, which the compositor animates while the panel's own thread works.
 */
export function ImportingBanner({ pending }: { pending: PendingImport }) {
  return (
    <div className="importing" data-testid="import-pending">
      <Banner kind="info" announce={false}>
        {importingText(pending)}
      </Banner>
      <span className="import-progress" aria-hidden="true" />
    </div>
  );
}

/** Why a file was not imported; its substitutions (a field path, an id, a version) may come from the file. */
export function ImportErrorBanner({ error, onDismiss }: { error: I18nText; onDismiss(): void }) {
  return (
    <Banner
      kind="error"
      actions={
        <button type="button" onClick={onDismiss}>
          {t('panel_dismiss')}
        </button>
      }
    >
      {tNodes('panel_import_failed', [<CatalogText key="why" text={error} />])}
    </Banner>
  );
}

/**
 * What a shown file lost: how many connections and page events it could not read, and why the first
 * could not be (its substitutions, a field path or an id, come from the file). Everything else is shown.
 */
export function ImportLeftOutBanner({ leftOut, onDismiss }: { leftOut: LeftOut; onDismiss(): void }) {
  return (
    <Banner
      kind="warning"
      announce="alert"
      actions={
        <button type="button" onClick={onDismiss}>
          {t('panel_dismiss')}
        </button>
      }
    >
      <span data-testid="import-left-out">
        {leftOut.connections > 0 ? `${tPlural('panel_import_left_out_connections', leftOut.connections)} ` : null}
        {leftOut.marks > 0 ? `${tPlural('panel_import_left_out_marks', leftOut.marks)} ` : null}
        {tNodes('panel_import_left_out_first', [<CatalogText key="why" text={leftOut.first} />])}
      </span>
    </Banner>
  );
}

/**
 * Nothing recorded yet: say what to do, since the hook only sees sockets made after it loads. Not a live
 * region: what changes it is announced elsewhere (an empty filter result by the filter's count, an empty
 * file by the panel's announcer), and a second polite message in the same update would be read as well.
 */
export function EmptyState({ imported, filtered }: { imported: boolean; filtered: boolean }) {
  const id = filtered ? 'panel_empty_filtered' : imported ? 'panel_empty_imported' : 'panel_empty_live';
  return (
    <div className="empty-state">
      <p className="empty-title">{t(id)}</p>
      {!filtered && !imported ? <p>{t('panel_empty_live_hint')}</p> : null}
    </div>
  );
}

/** A documented gap: sockets made inside workers are invisible to the page hook. */
export function WorkerGapNotice() {
  return <p className="footer-note">{t('panel_worker_gap')}</p>;
}
