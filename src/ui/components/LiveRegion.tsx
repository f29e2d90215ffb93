import type { ReactNode } from 'react';

/**
 * A polite, atomic live region, not shown: render it from a view's first render on and never remove it.
 * Screen readers announce a change inside a region they already know, while a region inserted with its
 * text already in it (a notice appearing) is not announced by all of them. Empty says nothing.
 */
export function LiveRegion({ children, testId }: { children: ReactNode; testId: string }) {
  return (
    <div className="sr-only" role="status" aria-atomic="true" data-testid={testId}>
      {children}
    </div>
  );
}
