/**
 * A socket URL as two parts: the origin, muted, which gives way first when the
 * cell is narrow, and the path with its query, which is what tells one
 * endpoint from another. Unparseable text is shown whole. Both are page text,
 * each in its own bidi isolate.
 */
import { PageText } from '../../ui/components/PageText';
export function splitUrl(url: string): { origin: string; rest: string } {
  const m = /^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)(.*)$/i.exec(url);
  return m ? { origin: m[1] ?? '', rest: m[2] || '/' } : { origin: '', rest: url };
}

export function UrlCell({ url }: { url: string }) {
  const { origin, rest } = splitUrl(url);
  return (
    // URLs read left to right in every UI language.
    <span className="url-cell" dir="ltr">
      {origin ? <PageText text={origin} className="url-origin" /> : null}
      <PageText text={rest} className="url-path" />
    </span>
  );
}
