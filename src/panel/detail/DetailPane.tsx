/**
 * The pane beside the table: a closure's detail, or an open connection's
 * (with the simulation controls on live data). The selected row may turn from
 * open to closed under it; the pane follows.
 */
import { useEffect, useRef } from 'react';
import type { Episode } from '../../analysis/types';
import { t } from '../../i18n/translate';
import { endpointOf } from '../../protocol/recording';
import { PageText } from '../../ui/components/PageText';
import { codeLabel, openLabel } from '../table/columns';
import type { Row } from '../model/rows';
import type { Simulation } from '../simulate/use-simulation';
import { ClosureDetail } from './ClosureDetail';
import { OpenDetail } from './OpenDetail';
import type { OpenResource } from './StackTrace';

interface Props {
  row: Row;
  episode?: Episode;
  onSelect(id: string): void;
  onClose(): void;
  openResource?: OpenResource;
  /** Move focus to the pane when it opens from the keyboard. */
  focusOnOpen: boolean;
  /** Live data only: simulate on the selected connection. */
  simulation?: Simulation;
  /** Where a top-frame socket's page had moved to when it was made (movedPage), if it had. */
  page?: string;
  /** The row is from an imported file, not the tab's live recording. */
  fromFile?: boolean;
}

export function DetailPane({
  row,
  episode,
  onSelect,
  onClose,
  openResource,
  focusOnOpen,
  simulation,
  page,
  fromFile = false,
}: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnOpen) headingRef.current?.focus();
  }, [focusOnOpen, row.id]);
  // A simulation closes the socket under its own controls: the pane turns into the closure's and the
  // button pressed goes away, dropping focus to <body>. The new heading takes it (it names the code, and
  // the outcome follows it), so the keyboard stays in the pane.
  const shown = useRef({ id: row.id, kind: row.kind });
  const simulatedHere = simulation?.result?.connectionId === row.id;
  useEffect(() => {
    const closedHere = shown.current.id === row.id && shown.current.kind === 'open' && row.kind === 'closure';
    shown.current = { id: row.id, kind: row.kind };
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (closedHere && simulatedHere && lost) headingRef.current?.focus();
  }, [row.id, row.kind, simulatedHere]);

  const closure = row.kind === 'closure' ? row : undefined;
  return (
    <aside
      className="detail"
      aria-label={t(closure ? 'panel_detail_label' : 'panel_detail_label_open')}
      data-testid="detail-pane"
      data-id={row.id}
      data-open={closure ? undefined : 'true'}
    >
      <header className="detail-head">
        <h2 ref={headingRef} tabIndex={-1}>
          {closure ? (
            codeLabel(closure)
          ) : (
            // The endpoint tells open sockets apart when moving by heading; "open" alone named them all alike.
            <>
              <span className="tag tag-open">{openLabel(row)}</span> <PageText text={endpointOf(row.connection.url)} />
            </>
          )}
          {closure?.closure.simulated ? <span className="tag tag-simulated">{t('panel_simulated')}</span> : null}
        </h2>
        <button
          type="button"
          className="icon-button"
          onClick={onClose}
          aria-label={t('panel_detail_close')}
          title={t('panel_detail_close')}
        >
          ×
        </button>
      </header>
      {/* Focusable, so a keyboard can scroll it whether or not the detail holds a link. */}
      <div className="detail-body" tabIndex={0}>
        {row.kind === 'closure' ? (
          <ClosureDetail
            row={row}
            episode={episode}
            onSelect={onSelect}
            openResource={openResource}
            simResult={simulation?.result?.connectionId === row.id ? simulation.result : null}
            page={page}
            fromFile={fromFile}
          />
        ) : (
          <OpenDetail row={row} openResource={openResource} simulation={simulation} page={page} />
        )}
      </div>
    </aside>
  );
}
