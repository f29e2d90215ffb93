import type { ReactNode } from 'react';
import { t } from '../../i18n/translate';

/** A JavaScript call named in a title (`close()`), in any language's sentence. */
const CALL = /([A-Za-z_$][\w$.]*\(\))/;

/**
 * A title's text with each call it names in a `code` element: titles are set in capitals, and
 * `CLOSE()` is not the method's name (panel.css keeps a title's code as written).
 */
export function titleNodes(text: string): ReactNode[] {
  return text.split(CALL).map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part));
}

/** A titled part of the detail pane; its title names it for screen readers too. */
export function Section({ titleId, testId, children }: { titleId: string; testId?: string; children: ReactNode }) {
  return (
    <section className="detail-section" aria-label={t(titleId)} data-testid={testId}>
      <h3>{titleNodes(t(titleId))}</h3>
      {children}
    </section>
  );
}
