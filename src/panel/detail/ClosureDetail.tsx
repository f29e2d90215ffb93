/**
 * The detail of one closure: the reconnect verdict, what the code means, how
 * it differs from codes it is confused with, the stacks, and the raw events.
 */
import type { Episode } from '../../analysis/types';
import { openEventOf } from '../../protocol/recording';
import { t } from '../../i18n/translate';
import { tPlural } from '../../i18n/plural';
import type { ClosureRow } from '../model/rows';
import { initiatorLabel } from '../table/columns';
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
import { listedSteps } from './listed-steps';

interface Props {
  row: ClosureRow;
  episode?: Episode;
  onSelect(id: string): void;
  openResource?: OpenResource;
  /** The last simulation's outcome when it was run on this connection (it closed it). */
  simResult: SimResult | null;
  /** Where the page had moved to when it made the socket (a single-page app's route), if it had. */
  page?: string;
  /** The closure is from an imported file (its content is what the file carries, not a live setting's). */
  fromFile?: boolean;
}

function HandshakeLine({ handshake }: { handshake: HandshakeEntry }) {
  // The status text is the server's own words: isolated, like every string a page or server chose.
  const { status, statusText } = handshake;
  const answer = statusText ? (
    <>
      {status} <PageText text={statusText} dir="auto" />
    </>
  ) : (
    String(status)
  );
  return (
    <span data-testid="detail-handshake" data-status={status}>
      {status > 0 ? tNodes('panel_detail_handshake_http', [answer]) : t('panel_detail_handshake_none')}
    </span>
  );
}

/** The code's meaning in one sentence, shown under the heading before anything else. */
function meaningOf(code: number, lookup: ClosureRow['lookup']): string {
  switch (lookup.kind) {
    case 'known':
      return t(lookup.entry.meaningId);
    case 'range':
      return t(lookup.range.meaningId);
    case 'ambiguous':
      return tPlural('panel_detail_ambiguous', lookup.entries.length, [code]);
  }
}

/**
 * Verdict first: the code's meaning in a sentence, then the reconnect verdict
 * with its delays and episode, then the facts, and only then the long parts.
 * The panel's smallest usual size (docked bottom, 360 px high) shows the
 * first three without scrolling.
 */
export function ClosureDetail({ row, episode, onSelect, openResource, simResult, page, fromFile = false }: Props) {
  const { comparisonsFor } = useServices();
  const { closure, connection } = row;
  const closeCalls = connection.events.flatMap((e) => (e.type === 'close-call' ? [e] : []));
  const negotiated = openEventOf(connection)?.protocol;
  const comparisons = comparisonsFor(closure.code);
  return (
    <>
      <p className="detail-meaning" data-testid="detail-meaning">
        {meaningOf(closure.code, row.lookup)}
      </p>
      <Section titleId="panel_section_verdict" testId="detail-verdict-section">
        <VerdictSection verdict={row.verdict} episode={episode} closureId={row.id} onSelect={onSelect} />
      </Section>
      {simResult ? <SimulateResult result={simResult} /> : null}
      <dl className="facts detail-facts">
        <dt>{t('panel_detail_endpoint')}</dt>
        <dd className="detail-url">
          <PageText text={connection.url} />
        </dd>
        <dt>{t('panel_detail_closed_by_label')}</dt>
        <dd>
          {initiatorLabel(row)}
          {closure.inferred ? ` ${t('panel_inferred_title')}` : ''}
        </dd>
        {row.handshake ? (
          <>
            <dt>{t('panel_detail_handshake_label')}</dt>
            <dd>
              <HandshakeLine handshake={row.handshake} />
            </dd>
          </>
        ) : null}
        {closure.reason ? (
          <>
            <dt>{t('panel_detail_reason_label')}</dt>
            <dd>
              <PageText text={closure.reason} dir="auto" />
            </dd>
          </>
        ) : null}
        <dt>{t('panel_detail_protocols_label')}</dt>
        <dd>
          {tNodes('panel_detail_protocols_value', [
            pageList(connection.protocols),
            pageList(negotiated ? [negotiated] : []),
          ])}
        </dd>
        {connection.frameId !== 0 ? (
          <>
            <dt>{t('panel_detail_frame_label')}</dt>
            <dd>
              <PageText text={connection.frameUrl} />
            </dd>
          </>
        ) : null}
        {page !== undefined ? (
          <>
            <dt>{t('panel_detail_page_label')}</dt>
            <dd data-testid="detail-page">
              <PageText text={page} />
            </dd>
          </>
        ) : null}
      </dl>
      <Section titleId="panel_section_code" testId="detail-explanation">
        <CodeExplanation code={closure.code} lookup={row.lookup} />
      </Section>
      <LastMessages connection={connection} fromFile={fromFile} />
      <StallResults stalls={row.stalls} />
      {comparisons.length > 0 ? (
        <Section titleId="panel_section_comparisons">
          <Comparisons comparisons={comparisons} />
        </Section>
      ) : null}
      <Section titleId="panel_section_close_stack">
        {closeCalls.length === 0 ? (
          <p className="muted">{t('panel_no_close_call')}</p>
        ) : (
          // A live socket records at most 16 calls (the relay's cap); a file may hold thousands: list as many.
          listedSteps(closeCalls.length, -1, 8).map((s, k) =>
            s.kind === 'gap' ? (
              <p key={`gap-${k}`} className="muted" data-testid="close-calls-gap">
                {tPlural('panel_close_calls_gap', s.count)}
              </p>
            ) : (
              <StackTrace key={s.index} stack={closeCalls[s.index]!.stack} openResource={openResource} />
            ),
          )
        )}
      </Section>
      <CreationAndEvents connection={connection} openResource={openResource} />
    </>
  );
}
