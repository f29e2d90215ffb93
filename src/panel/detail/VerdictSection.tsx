import type { Episode, Verdict } from '../../analysis/types';
import { formatDelays, formatSeconds } from '../../ui/components/format';
import { VerdictBadge } from '../../ui/components/VerdictBadge';
import { t } from '../../i18n/translate';
import { tPlural } from '../../i18n/plural';
import { tText } from '../../i18n/numbers';
import { CatalogText } from '../../ui/components/CatalogText';
import { listedSteps } from './listed-steps';

interface Props {
  verdict?: Verdict;
  episode?: Episode;
  /** This closure's id, to mark where it sits in the episode. */
  closureId: string;
  onSelect(id: string): void;
}

/** The observed waits, as the reconnect check's report card lists them too. */
const delays = (ds: readonly number[]): string =>
  ds.length === 0 ? t('panel_verdict_none_observed') : formatDelays(ds);

/** The reconnect verdict: level, sentence, observed vs expected delays, and the whole episode. */
export function VerdictSection({ verdict, episode, closureId, onSelect }: Props) {
  return (
    <>
      {verdict ? (
        <div className="verdict" data-testid="detail-verdict" data-level={verdict.level}>
          <p className="verdict-sentence" data-testid="detail-verdict-text">
            <VerdictBadge level={verdict.level} /> <CatalogText text={verdict.text} />
          </p>
          <dl className="facts">
            <dt>{t('panel_verdict_observed')}</dt>
            <dd>{delays(verdict.observedDelays)}</dd>
            {verdict.expected ? (
              <>
                <dt>{t('panel_verdict_expected')}</dt>
                <dd>{tText(verdict.expected.text)}</dd>
              </>
            ) : null}
          </dl>
        </div>
      ) : (
        <p className="muted" data-testid="detail-verdict" data-level="none">
          {t('panel_verdict_missing')}
        </p>
      )}
      {episode ? (
        <div className="episode" data-testid="detail-episode">
          <h4>
            {tPlural(`panel_episode_${episode.outcome.replace('-', '_')}`, episode.attemptIds.length, [episode.code])}
          </h4>
          <ol className="episode-steps">
            <li>
              <EpisodeStep
                id={episode.triggerId}
                current={closureId}
                onSelect={onSelect}
                label={t('panel_episode_trigger', [episode.code])}
              />
            </li>
            {listedSteps(episode.attemptIds.length, episode.attemptIds.indexOf(closureId)).map((s, k) => {
              if (s.kind === 'gap')
                return (
                  <li key={`gap-${k}`} className="muted" data-testid="episode-gap">
                    {tPlural('panel_episode_gap', s.count)}
                  </li>
                );
              const i = s.index;
              const id = episode.attemptIds[i]!;
              return (
                <li key={id}>
                  <EpisodeStep
                    id={id}
                    current={closureId}
                    onSelect={onSelect}
                    label={t('panel_episode_attempt', [
                      i + 1,
                      episode.delaysS[i] === undefined ? '?' : formatSeconds(episode.delaysS[i] ?? 0),
                    ])}
                  />
                </li>
              );
            })}
          </ol>
        </div>
      ) : null}
    </>
  );
}

function EpisodeStep({
  id,
  current,
  label,
  onSelect,
}: {
  id: string;
  current: string;
  label: string;
  onSelect(id: string): void;
}) {
  return id === current ? (
    <strong aria-current="true">{label}</strong>
  ) : (
    <button type="button" className="link" onClick={() => onSelect(id)}>
      {label}
    </button>
  );
}
