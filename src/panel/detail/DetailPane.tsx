/**
 * Everything about one closure: what the code means, how it differs from codes
 * it is confused with, the reconnect verdict, the stacks, and the raw events.
 */
import { useEffect, useRef, type ReactNode } from 'react';
import type { Episode } from '../../analysis/types';
import { openEventOf } from '../../protocol/recording';
import { t } from '../../ui/i18n';
import { codeLabel } from '../table/columns';
import type { ClosureRow } from '../model/rows';
import { useServices } from '../services';
import { CodeExplanation } from './CodeExplanation';
import { Comparisons } from './Comparisons';
import { RawEvents } from './RawEvents';
import { StackTrace, type OpenResource } from './StackTrace';
import { VerdictSection } from './VerdictSection';

interface Props {
  row: ClosureRow;
  episode?: Episode;
  onSelect(id: string): void;
  onClose(): void;
  openResource?: OpenResource;
  /** Move focus to the pane when it opens from the keyboard. */
  focusOnOpen: boolean;
}

function Section({ titleId, children }: { titleId: string; children: ReactNode }) {
  return (
    <section className="detail-section" aria-label={t(titleId)}>
      <h3>{t(titleId)}</h3>
      {children}
    </section>
  );
}

export function DetailPane({ row, episode, onSelect, onClose, openResource, focusOnOpen }: Props) {
  const { comparisonsFor } = useServices();
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (focusOnOpen) headingRef.current?.focus();
  }, [focusOnOpen, row.id]);

  const { closure, connection } = row;
  const closeCalls = connection.events.flatMap((e) => (e.type === 'close-call' ? [e] : []));
  const negotiated = openEventOf(connection)?.protocol;
  return (
    <aside className="detail" aria-label={t('panel_detail_label')}>
      <header className="detail-head">
        <h2 ref={headingRef} tabIndex={-1}>
          {codeLabel(row)}
          {closure.simulated ? <span className="tag tag-simulated">{t('panel_simulated')}</span> : null}
        </h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('panel_detail_close')} title={t('panel_detail_close')}>
          ×
        </button>
      </header>
      <div className="detail-body">
        <p className="detail-url">{connection.url}</p>
        <p>
          {t('panel_detail_closed_by', [t(`panel_initiator_${closure.initiator.replace(/-/g, '_')}`)])}
          {closure.inferred ? ` ${t('panel_inferred_title')}` : ''}
        </p>
        {closure.reason ? <p>{t('panel_detail_reason', [closure.reason])}</p> : null}
        <p>{t('panel_detail_protocols', [connection.protocols.join(', ') || '—', negotiated || '—'])}</p>
        {connection.frameId !== 0 ? <p>{t('panel_detail_frame', [connection.frameUrl])}</p> : null}
        <Section titleId="panel_section_code">
          <CodeExplanation code={closure.code} lookup={row.lookup} />
        </Section>
        <Section titleId="panel_section_verdict">
          <VerdictSection verdict={row.verdict} episode={episode} closureId={row.id} onSelect={onSelect} />
        </Section>
        {comparisonsFor(closure.code).length > 0 ? (
          <Section titleId="panel_section_comparisons">
            <Comparisons comparisons={comparisonsFor(closure.code)} />
          </Section>
        ) : null}
        <Section titleId="panel_section_close_stack">
          {closeCalls.length === 0 ? (
            <p className="muted">{t('panel_no_close_call')}</p>
          ) : (
            closeCalls.map((c, i) => <StackTrace key={i} stack={c.stack} openResource={openResource} />)
          )}
        </Section>
        <Section titleId="panel_section_create_stack">
          <StackTrace stack={connection.stack} openResource={openResource} />
        </Section>
        <Section titleId="panel_section_events">
          <RawEvents connection={connection} />
        </Section>
      </div>
    </aside>
  );
}
