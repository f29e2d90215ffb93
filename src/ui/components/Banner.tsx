import type { ReactNode } from 'react';

export type BannerKind = 'info' | 'warning' | 'error';

interface BannerProps {
  kind: BannerKind;
  children: ReactNode;
  actions?: ReactNode;
  /**
   * How screen readers hear it. By default an error is an alert and any other banner a status.
   * 'alert' for a notice that answers the user's own action and must be heard at once; false when
   * the view announces the same text through a live region of its own that was there before the
   * banner, since a region inserted with its text already in it is not announced by every screen
   * reader.
   */
  announce?: 'alert' | 'status' | false;
}

/** A one-line notice above the content, like DevTools' infobars. Errors are announced to screen readers. */
export function Banner({ kind, children, actions, announce = kind === 'error' ? 'alert' : 'status' }: BannerProps) {
  return (
    <div className={`banner banner-${kind}`} role={announce || undefined}>
      <span className="banner-text">{children}</span>
      {actions ? <span className="banner-actions">{actions}</span> : null}
    </div>
  );
}
