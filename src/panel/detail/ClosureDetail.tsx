/**
 * The detail of one closure: what the code means, how it differs from codes
 * it is confused with, the reconnect verdict, the stacks, and the raw events.
 */
import type { Episode } from '../../analysis/types';
import { openEventOf } from '../../protocol/recording';
import { t } from '../../ui/i18n';
import type { ClosureRow } from '../model/rows';
import type { HandshakeEntry } from '../network/handshakes';
import { useServices } from '../services';
import { SimulateResult } from '../simulate/SimulateResult';
import type { SimResult } from '../simulate/use-simulation';
import { CodeExplanation } from './CodeExplanation';
import { Comparisons } from './Comparisons';
import { CreationAndEvents } from './CreationAndEvents';
import { Section } from './Section';
import { StackTrace, type OpenResource } from './StackTrace';
import { VerdictSection } from './VerdictSection';
import { PageText, pageList, tNodes } from '../../ui/components/PageText';
import { LastMessages } from '../messages/LastMessages';
import { StallResults } from '../simulate/StallResults';

interface Props {
  row: ClosureRow;
  episode?: Episode;
  onSelect(id: string): void;
  openResource?: OpenResource;
  /** The last simulation's outcome when it was run on this connection (it closed it). */
  simResult: SimResult | null;
}

function HandshakeLine({ handshake }: { handshake: HandshakeEntry }) {
  const status = `${handshake.status} ${handshake.statusText}`.trim();
  return (
    <p data-testid="detail-handshake" data-status={handshake.status}>
      {handshake.status > 0 ? t('panel_detail_handshake_http', [status]) : t('panel_detail_handshake_none')}
    </p>
  );
}

export function ClosureDetail({ row, episode, onSelect, openResource, simResult }: Props) {
  const { comparisonsFor } = useServices();
  const { closure, connection } = row;
  const closeCalls = connection.events.flatMap((e) => (e.type === 'close-call' ? [e] : []));
  const negotiated = openEventOf(connection)?.protocol;
  const comparisons = comparisonsFor(closure.code);
  return (
    <>
      <p className="detail-url">
        <PageText text={connection.url} />
      </p>
      {simResult ? <SimulateResult result={simResult} /> : null}
      <p>
        {t('panel_detail_closed_by', [t(`panel_initiator_${closure.initiator.replace(/-/g, '_')}`)])}
        {closure.inferred ? ` ${t('panel_inferred_title')}` : ''}
      </p>
      {row.handshake ? <HandshakeLine handshake={row.handshake} /> : null}
      {closure.reason ? <p>{tNodes('panel_detail_reason', [<PageText text={closure.reason} dir="auto" />])}</p> : null}
      <p>{tNodes('panel_detail_protocols', [pageList(connection.protocols), pageList(negotiated ? [negotiated] : [])])}</p>
      {connection.frameId !== 0 ? <p>{tNodes('panel_detail_frame', [<PageText text={connection.frameUrl} />])}</p> : null}
      <Section titleId="panel_section_code" testId="detail-explanation">
        <CodeExplanation code={closure.code} lookup={row.lookup} />
      </Section>
      <LastMessages connection={connection} />
      <StallResults stalls={row.stalls} />
      <Section titleId="panel_section_verdict">
        <VerdictSection verdict={row.verdict} episode={episode} closureId={row.id} onSelect={onSelect} />
      </Section>
      {comparisons.length > 0 ? (
        <Section titleId="panel_section_comparisons">
          <Comparisons comparisons={comparisons} />
        </Section>
      ) : null}
      <Section titleId="panel_section_close_stack">
        {closeCalls.length === 0 ? (
          <p className="muted">{t('panel_no_close_call')}</p>
        ) : (
          closeCalls.map((c, i) => <StackTrace key={i} stack={c.stack} openResource={openResource} />)
        )}
      </Section>
      <CreationAndEvents connection={connection} openResource={openResource} />
    </>
  );
}
