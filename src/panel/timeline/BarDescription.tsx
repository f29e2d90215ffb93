/**
 * A connection's description (the tooltip, one line each; the screen-reader
 * announcement, one sentence), with the page's strings (its URL, a new host) as
 * page text.
 */
import { Fragment, type ReactNode } from 'react';
import { PageText, tNodes } from '../../ui/components/PageText';
import { barLines, type BarLine } from './labels';
import type { Bar } from './layout';

function lineNode(line: BarLine): ReactNode {
  if (typeof line === 'string') return line;
  if ('url' in line) return <PageText text={line.url} />;
  return tNodes('timeline_tip_next_moved', [line.delay, <PageText key="host" text={line.movedTo} />]);
}

export function BarTooltipLines({ bar }: { bar: Bar }) {
  return (
    <>
      {barLines(bar).map((line, i) => (
        <div key={i}>{lineNode(line)}</div>
      ))}
    </>
  );
}

/** "Selected: <url>, <outcome>, …" for the live region. */
export function SelectedAnnouncement({ bar }: { bar: Bar }) {
  const lines = barLines(bar).map((line, i) => (
    <Fragment key={i}>
      {i > 0 ? ', ' : null}
      {lineNode(line)}
    </Fragment>
  ));
  return <>{tNodes('timeline_selected', [lines])}</>;
}
