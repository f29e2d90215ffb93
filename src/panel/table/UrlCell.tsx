/**
 * A socket URL as two parts: the origin, muted, and the path with its query,
 * which is what tells one endpoint from another. When both do not fit, the
 * origin gives way whole and "…" stands for it (url-fit.ts): never a piece of
 * it. Unparseable text is shown whole. Both are page text, each in its own
 * bidi isolate; a hidden origin is still read by screen readers.
 */
import { useRef } from 'react';
import { PageText } from '../../ui/components/PageText';
import { useUrlFit } from './use-url-fit';

export function splitUrl(url: string): { origin: string; rest: string } {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i.exec(url);
  return m ? { origin: m[1] ?? '', rest: m[2] || '/' } : { origin: '', rest: url };
}

export function UrlCell({ url }: { url: string }) {
  const { origin, rest } = splitUrl(url);
  const ref = useRef<HTMLSpanElement>(null);
  useUrlFit(ref, url);
  return (
    // URLs read left to right in every UI language.
    <span className="url-cell" dir="ltr" ref={ref}>
      {origin ? <PageText text={origin} className="url-origin" /> : null}
      <PageText text={rest} className="url-path" />
    </span>
  );
}
