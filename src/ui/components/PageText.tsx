/**
 * Text the page chose (a close reason, a URL, a subprotocol, a stack frame, a
 * frame URL), shown so it cannot rearrange the extension's own text: it sits in
 * its own bidi isolate (`<bdi>`), and bidi control characters inside it (such as
 * U+202E RIGHT-TO-LEFT OVERRIDE) are shown as visible code points instead of
 * silently reordering what follows, so "\u202Eoc.elgoog//:sptth" cannot pass for a URL.
 * In technical text ("ltr") every character that shows nothing is shown so, too
 * (a zero-width space in a host, say): see page-string.ts.
 * Where only a plain string can go, page-string.ts applies the same rule in characters.
 *
 * `dir` is "ltr" for URLs, stacks and protocol tokens; "auto" suits free text such
 * as close reasons, whose direction is the text's own.
 */
import type { ReactNode } from 'react';
import { t } from '../../i18n/translate';
import { controlLabel, hasHidden, shownAsCodePoints, type PageDir } from './page-string';
import './page-text.css';

function visible(text: string, dir: PageDir): ReactNode[] {
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(shownAsCodePoints(dir))) {
    const at = m.index ?? 0;
    if (at > last) out.push(text.slice(last, at));
    out.push(
      <span key={at} className="bidi-control">
        {controlLabel(m[0])}
      </span>,
    );
    last = at + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

export interface PageTextProps {
  text: string;
  dir?: PageDir;
  className?: string;
  title?: string;
}

export function PageText({ text, dir = 'ltr', className, title }: PageTextProps) {
  return (
    <bdi dir={dir} className={className ? `page-text ${className}` : 'page-text'} title={title}>
      {hasHidden(text, dir) ? visible(text, dir) : text}
    </bdi>
  );
}

const MARK = /\uE000(\d+)\uE001/;

/**
 * A catalog message whose substitutions are nodes (typically PageText): the
 * translator fills private-use markers, which are then replaced by the nodes, so
 * translations keep their own word order.
 */
export function tNodes(id: string, subs: ReactNode[]): ReactNode[] {
  const text = t(
    id,
    subs.map((_, i) => `\uE000${i}\uE001`),
  );
  const parts = text.split(MARK);
  return parts.map((p, i) => (i % 2 === 1 ? <span key={i}>{subs[Number(p)]}</span> : p));
}

/** A list of page-supplied tokens (subprotocols), isolated as one run; an em dash when empty. */
export function pageList(items: string[]): ReactNode {
  return items.length ? <PageText text={items.join(', ')} /> : '—';
}
