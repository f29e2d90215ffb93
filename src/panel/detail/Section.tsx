import type { ReactNode } from 'react';
import { t } from '../../i18n/translate';

/** A titled part of the detail pane; its title names it for screen readers too. */
export function Section({ titleId, testId, children }: { titleId: string; testId?: string; children: ReactNode }) {
  return (
    <section className="detail-section" aria-label={t(titleId)} data-testid={testId}>
      <h3>{t(titleId)}</h3>
      {children}
    </section>
  );
}
