/**
 * The toolbar popup: a glance at the current tab's WebSocket closures, with
 * problems first. Everything comes from the RecordingSource; the analysis is
 * the same pure core the panel uses.
 */
import { CaptureToggle } from '../ui/components/CaptureToggle';
import { useCallback, useMemo } from 'react';
import { analyzeRecording, getProfile } from '../analysis';
import type { Connection } from '../protocol/recording';
import { redactUrl } from '../protocol/redact';
import type { RecordingSource } from '../ui/data/source';
import { t } from '../i18n/translate';
import { presentRecording } from '../analysis/present';
import { codeNameText } from '../i18n/code-name';
import { DroppedNotice, hasDropped } from '../ui/components/DroppedNotice';
import { LiveRegion } from '../ui/components/LiveRegion';
import { downloadText, exportFileName, exportText } from '../ui/export-recording';
import { LatestClosures } from './LatestClosures';
import { OpenNow } from './OpenNow';
import { PauseToggle } from './PauseToggle';
import { PopupActions } from './PopupActions';
import { RecentGroups } from './RecentGroups';
import { groupByCode, latestClosures, openConnections, recentClosures, siteOf } from './summary-model';
import { buildSummaryText } from './summary-text';
import { useNow, VERDICT_REFRESH_MS } from '../ui/hooks/use-now';
import { usePopupData } from './use-popup-data';
import { PopupSettings } from './PopupSettings';

export interface PopupProps {
  source: RecordingSource;
  /** Injected for tests; Date.now in the extension. */
  clock?: () => number;
  /** Injected for tests; a DOM download in the extension. */
  download?: (fileName: string, text: string) => void;
}

export function Popup({ source, clock = Date.now, download = downloadText }: PopupProps) {
  const { recording, settings, status, privateTab, updateSettings } = usePopupData(source);
  const tick = useNow(clock, VERDICT_REFRESH_MS);
  const { profileId, recentMinutes, redactQuery } = settings;
  // Reading the clock here (not only on ticks) keeps a fresh closure inside the window.
  const view = useMemo(() => {
    if (!recording) return undefined;
    const now = Math.max(tick, clock());
    const analysis = analyzeRecording(recording, { profileId, now });
    const byId = new Map(recording.connections.map((c) => [c.id, c]));
    const presented = presentRecording(recording, analysis);
    return {
      now,
      analysis,
      site: siteOf(recording),
      connectionOf: (id: string): Connection | undefined => byId.get(id),
      nameOf: (id: string): string => {
        const closure = presented.get(id)?.closure;
        return closure ? codeNameText(closure) : '';
      },
      groups: groupByCode(recentClosures(analysis.closures, now, recentMinutes), analysis),
      latest: latestClosures(analysis.closures, analysis.verdictByClosure),
      open: openConnections(recording, analysis),
    };
  }, [recording, tick, clock, profileId, recentMinutes]);

  const shownUrl = useCallback((url: string) => (redactQuery ? redactUrl(url) : url), [redactQuery]);
  const summaryText = () =>
    recording && view
      ? buildSummaryText({
          recording,
          analysis: view.analysis,
          now: view.now,
          recentMinutes,
          redactQuery,
          nameOf: view.nameOf,
        })
      : '';
  const onExport = () => {
    if (!recording) return;
    const now = clock();
    download(
      exportFileName(recording, now, privateTab),
      exportText(recording, redactQuery, now, settings.exportContent, getProfile(profileId).profile.id),
    );
  };

  return (
    <main className="popup">
      <header className="popup-header">
        <h1>{t('popup_heading')}</h1>
        {view?.site && (
          <>
            <PauseToggle
              site={view.site}
              pausedSites={settings.pausedSites}
              privateTab={privateTab}
              onChange={(pausedSites) => updateSettings({ pausedSites })}
            />
            <CaptureToggle site={view.site} settings={settings} onChange={updateSettings} privateTab={privateTab} />
          </>
        )}
      </header>
      {status === 'no-hook' && (
        <p className="notice warn" role="alert">
          {t('popup_no_hook')}
        </p>
      )}
      {/* Plain content: a region inserted with its text is not announced by every screen reader. The status
          region below, there from the first render, says it. */}
      {status === 'paused' && <p className="notice">{t('popup_paused')}</p>}
      {status === 'late' && <p className="notice">{t('popup_late')}</p>}
      {!recording || !view ? (
        <p className="muted">{t('popup_loading')}</p>
      ) : (
        <>
          {/* Its advice, a reload, records nothing on a paused site: the paused notice says why it is empty. */}
          {recording.connections.length === 0 && status !== 'no-hook' && status !== 'paused' && (
            <p className="empty">{t('popup_empty')}</p>
          )}
          {recording.connections.length > 0 && (
            <>
              <RecentGroups groups={view.groups} minutes={recentMinutes} nameOf={view.nameOf} />
              <LatestClosures
                rows={view.latest}
                connectionOf={view.connectionOf}
                nameOf={view.nameOf}
                shownUrl={shownUrl}
              />
              <OpenNow open={view.open} shownUrl={shownUrl} />
            </>
          )}
          <DroppedNotice dropped={recording.dropped} headingId="popup-dropped" announce={false} />
          <PopupActions
            summaryText={summaryText}
            onExport={onExport}
            canExport={recording.connections.length > 0}
            redactQuery={redactQuery}
          />
          <PopupSettings
            recentMinutes={recentMinutes}
            redactQuery={redactQuery}
            exportContent={settings.exportContent}
            language={settings.language}
            // The controls show the stored settings, which a refused change leaves as they were.
            onChange={(patch) => void updateSettings(patch).catch(() => undefined)}
          />
        </>
      )}
      <LiveRegion testId="popup-status-announcer">
        {status === 'paused' ? t('popup_paused') : status === 'late' ? t('popup_late') : null}
      </LiveRegion>
      {/* The dropped notice's heading, said once when the tab starts losing data while the popup is open; the
          notice's counts, which change at every eviction of a storm, are read from it at will. */}
      <LiveRegion testId="popup-dropped-announcer">
        {recording && hasDropped(recording.dropped) ? t('dropped_heading') : null}
      </LiveRegion>
      <footer className="muted small">{t('popup_panel_hint')}</footer>
    </main>
  );
}
