/** "Copy summary" and "Export recording", with a note on query redaction. */
import { useState } from 'react';
import { t } from '../i18n/translate';

export interface PopupActionsProps {
  summaryText: () => string;
  onExport: () => void;
  /** False while the tab has no connection: a file of nothing to show (the panel's Export is off then too). */
  canExport: boolean;
  redactQuery: boolean;
}

type CopyState = 'idle' | 'copied' | 'failed';

export function PopupActions({ summaryText, onExport, canExport, redactQuery }: PopupActionsProps) {
  const [copy, setCopy] = useState<CopyState>('idle');
  const onCopy = () => {
    // Emptied first, so that a second copy with the same result is a change the region announces again.
    setCopy('idle');
    // Built on click so it reflects the recording at that moment; a missing
    // clipboard API (throws synchronously) lands in the same failure path.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(summaryText()))
      .then(
        () => setCopy('copied'),
        () => setCopy('failed'),
      );
  };
  return (
    <section className="actions">
      <div className="buttons">
        <button type="button" onClick={onCopy}>
          {t('popup_copy')}
        </button>
        <button type="button" onClick={onExport} disabled={!canExport}>
          {t('popup_export')}
        </button>
      </div>
      {/* Always rendered: a screen reader announces a change inside a live region it already knows,
          while one inserted with its text in it is not announced by all of them. */}
      <p role="status" className={`copy-result ${copy === 'failed' ? 'error' : 'muted'}`} data-testid="copy-result">
        {copy === 'idle' ? null : t(copy === 'copied' ? 'popup_copied' : 'popup_copy_failed')}
      </p>
      <p className="muted small">{t(redactQuery ? 'popup_redacted_note' : 'popup_unredacted_note')}</p>
    </section>
  );
}
