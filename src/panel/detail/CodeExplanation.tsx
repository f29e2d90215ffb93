import type { CodeEntry, CodeLookup, CodeRange } from '../../knowledge/types';
import { protocolLabelId } from '../../knowledge';
import { t } from '../../i18n/translate';
import { tPlural } from '../../i18n/plural';

const WEBSOCKET = 'websocket';

function protocolLabel(protocol: string | undefined): string {
  return !protocol || protocol === WEBSOCKET ? t('panel_protocol_websocket') : t('panel_protocol_named', [protocol]);
}

function SourceLink({ labelId, url }: { labelId: string; url: string }) {
  return (
    <p className="source">
      {t('panel_detail_source')}{' '}
      <a href={url} target="_blank" rel="noreferrer">
        {t(labelId)}
      </a>
    </p>
  );
}

function EntryCard({ entry, labelled }: { entry: CodeEntry; labelled: boolean }) {
  return (
    <article className="code-card" aria-label={`${entry.code} ${t(entry.nameId)}`}>
      <h4>
        {entry.code} {t(entry.nameId)}
        {labelled ? <span className="tag">{protocolLabel(entry.protocol)}</span> : null}
      </h4>
      {entry.neverOnWire ? <p className="note">{t('panel_detail_never_on_wire')}</p> : null}
      <dl className="facts">
        <dt>{t('panel_detail_meaning')}</dt>
        <dd>{t(entry.meaningId)}</dd>
        <dt>{t('panel_detail_when')}</dt>
        <dd>{t(entry.whenId)}</dd>
        <dt>{t('panel_detail_fix')}</dt>
        <dd>{t(entry.fixId)}</dd>
        <dt>{t('panel_detail_reconnect')}</dt>
        <dd>{t(entry.reconnectId)}</dd>
      </dl>
      <SourceLink {...entry.source} />
    </article>
  );
}

function RangeCard({ code, range }: { code: number; range: CodeRange }) {
  return (
    <article className="code-card" aria-label={`${code} ${t(range.nameId)}`}>
      <h4>
        {code} {t(range.nameId)} <span className="tag">{t('panel_detail_range', [range.from, range.to])}</span>
        {range.protocol ? <span className="tag">{protocolLabel(range.protocol)}</span> : null}
      </h4>
      <dl className="facts">
        <dt>{t('panel_detail_meaning')}</dt>
        <dd>{t(range.meaningId)}</dd>
      </dl>
      <SourceLink {...range.source} />
    </article>
  );
}

/**
 * What the code means. When only possible protocols define it, the code has no known meaning
 * here (its range says what is known); each protocol's meaning follows as "if this is <protocol>".
 */
export function CodeExplanation({ code, lookup }: { code: number; lookup: CodeLookup }) {
  switch (lookup.kind) {
    case 'known':
      return <EntryCard entry={lookup.entry} labelled={lookup.entry.protocol !== WEBSOCKET} />;
    case 'range':
      return <RangeCard code={code} range={lookup.range} />;
    case 'ambiguous':
      return (
        <>
          <RangeCard code={code} range={lookup.range} />
          <p className="note">{tPlural('panel_detail_ambiguous', lookup.entries.length, [code])}</p>
          {lookup.entries.map((e) => (
            <section key={`${e.protocol}-${e.code}`} className="if-protocol">
              <p className="note">{t('panel_detail_if_protocol', [t(protocolLabelId(e.protocol))])}</p>
              <EntryCard entry={e} labelled />
            </section>
          ))}
        </>
      );
  }
}
