/**
 * What each simulated stall on this connection showed: did the page notice the silence, and when.
 * The analysis writes its seconds locale-free ("12.50 s"); tText shows them in the reader's digits.
 */
import type { StallResult } from '../../analysis/stall';
import { VerdictBadge } from '../../ui/components/VerdictBadge';
import { t } from '../../i18n/translate';
import { tText } from '../../i18n/numbers';
import { Section } from '../detail/Section';

export function StallResults({ stalls }: { stalls: readonly StallResult[] | undefined }) {
  if (!stalls?.length) return null;
  return (
    <Section titleId="panel_section_stall" testId="stall-results">
      {stalls.map((s) => (
        <div
          key={s.startedAt}
          className="stall-result"
          data-testid="stall-result"
          data-state={s.state}
          data-level={s.level}
        >
          <p>
            <VerdictBadge level={s.level} /> <span className="tag tag-simulated">{t('panel_simulated')}</span>{' '}
            <span data-testid="stall-result-text">{tText(s.text)}</span>
          </p>
          {s.explanation ? <p className="muted">{tText(s.explanation)}</p> : null}
        </div>
      ))}
    </Section>
  );
}
