/**
 * "How to read this panel", opened from the "?" in the toolbar: what the
 * verdict levels mean, what the timeline's marks are, how Simulate works, and
 * the keys. The same text, with annotated screenshots, is docs/reading-the-panel.md.
 */
import { useEffect, useRef } from 'react';
import type { VerdictLevel } from '../../analysis/types';
import { VerdictBadge } from '../../ui/components/VerdictBadge';
import { t } from '../../i18n/translate';

const LEVELS: readonly VerdictLevel[] = ['problem', 'advice', 'fits', 'info', 'inconclusive', 'pending'];
const MARKS = ['lanes', 'bars', 'links', 'ticks', 'navigation', 'throttled', 'simulated'] as const;
const KEYS = ['arrows', 'enter', 'escape', 'slash'] as const;

export function HelpPanel({ onClose }: { onClose(): void }) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <aside className="help" role="dialog" aria-labelledby="help-title" data-testid="help-panel">
      <header className="detail-head">
        <h2 id="help-title" ref={headingRef} tabIndex={-1}>
          {t('panel_help_title')}
        </h2>
        <button
          type="button"
          className="icon-button"
          onClick={onClose}
          aria-label={t('panel_help_close')}
          title={t('panel_help_close')}
        >
          ×
        </button>
      </header>
      {/* Focusable, so a keyboard can scroll it: the help has no link or control of its own below the header. */}
      <div className="detail-body" tabIndex={0} role="region" aria-labelledby="help-title">
        <h3>{t('panel_help_levels')}</h3>
        <dl className="facts">
          {LEVELS.map((l) => (
            <div key={l}>
              <dt>
                <VerdictBadge level={l} />
              </dt>
              <dd>{t(`panel_help_level_${l}`)}</dd>
            </div>
          ))}
        </dl>
        <h3>{t('panel_help_timeline')}</h3>
        <ul>
          {MARKS.map((m) => (
            <li key={m}>{t(`panel_help_mark_${m}`)}</li>
          ))}
        </ul>
        <h3>{t('panel_help_simulate')}</h3>
        <p>{t('panel_help_simulate_text')}</p>
        <h3>{t('panel_help_keys')}</h3>
        <dl className="facts">
          {KEYS.map((k) => (
            <div key={k}>
              <dt>
                <kbd>{t(`panel_help_key_${k}`)}</kbd>
              </dt>
              <dd>{t(`panel_help_key_${k}_text`)}</dd>
            </div>
          ))}
        </dl>
        <p className="muted">{t('panel_help_more')}</p>
      </div>
    </aside>
  );
}
