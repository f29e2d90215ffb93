import type { ReactNode } from 'react';

export type BannerKind = 'info' | 'warning' | 'error';

interface BannerProps {
  kind: BannerKind;
  children: ReactNode;
  actions?: ReactNode;
  /**
   * False when the view announces the same text through a live region of its own that was there
   * before the banner: a region inserted with its text already in it is not announced by every screen
   * reader. Errors are alerts either way, which screen readers announce when they appear.
   */
  live?: boolean;
}

/** A one-line notice above the content, like DevTools' infobars. Errors are announced to screen readers. */
export function Banner({ kind, children, actions, live = true }: BannerProps) {
  const role = kind === 'error' ? 'alert' : live ? 'status' : undefined;
  return (
    <div className={`banner banner-${kind}`} role={role}>
      <span className="banner-text">{children}</span>
      {actions ? <span className="banner-actions">{actions}</span> : null}
    </div>
  );
}
