import type { ReactNode } from 'react';

export type BannerKind = 'info' | 'warning' | 'error';

/** A one-line notice above the content, like DevTools' infobars. Errors are announced to screen readers. */
export function Banner({ kind, children, actions }: { kind: BannerKind; children: ReactNode; actions?: ReactNode }) {
  return (
    <div className={`banner banner-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>
      <span className="banner-text">{children}</span>
      {actions ? <span className="banner-actions">{actions}</span> : null}
    </div>
  );
}
