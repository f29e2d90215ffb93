/**
 * The detail of a connection that is still open (or still connecting): when it
 * opened, its subprotocols, the simulation controls on live data, its stack
 * and raw events. It becomes a closure's detail when the socket closes.
 */
import { openEventOf } from '../../protocol/recording';
import { formatClock } from '../../ui/components/format';
import { t } from '../../i18n/translate';
import type { OpenRow } from '../model/rows';
import { SimulateSection } from '../simulate/SimulateSection';
import type { Simulation } from '../simulate/use-simulation';
import { CreationAndEvents } from './CreationAndEvents';
import { StallResults } from '../simulate/StallResults';
import type { OpenResource } from './StackTrace';
import { PageText, pageList, tNodes } from '../../ui/components/PageText';

interface Props {
  row: OpenRow;
  openResource?: OpenResource;
  simulation?: Simulation;
  /** Where the page had moved to when it made the socket (a single-page app's route), if it had. */
  page?: string;
}

export function OpenDetail({ row, openResource, simulation, page }: Props) {
  const { connection } = row;
  const open = openEventOf(connection);
  return (
    <>
      <p className="detail-url">
        <PageText text={connection.url} />
      </p>
      <p>
        {open
          ? t('panel_detail_open_since', [formatClock(open.at)])
          : t('panel_detail_connecting_since', [formatClock(connection.createdAt)])}
      </p>
      <p>
        {tNodes('panel_detail_protocols', [
          pageList(connection.protocols),
          pageList(open?.protocol ? [open.protocol] : []),
        ])}
      </p>
      {connection.frameId !== 0 ? (
        <p>{tNodes('panel_detail_frame', [<PageText text={connection.frameUrl} />])}</p>
      ) : null}
      {page !== undefined ? (
        <p data-testid="detail-page">{tNodes('panel_detail_page', [<PageText text={page} />])}</p>
      ) : null}
      {simulation?.run ? (
        <SimulateSection key={connection.id} connection={connection} run={simulation.run} result={simulation.result} />
      ) : null}
      <StallResults stalls={row.stalls} />
      <CreationAndEvents connection={connection} openResource={openResource} />
    </>
  );
}
