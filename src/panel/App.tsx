/**
 * The Closeline panel: toolbar and filters on top, the timeline above the
 * table of closures and open connections, and the detail of the selected one
 * beside the table (with the simulation controls for an open one).
 * Data comes only through the RecordingSource seam; the pure cores through
 * PanelServices.
 */
import { useCallback, useMemo, useState } from 'react';
import type { RecordingSource } from '../ui/data/source';
import { SplitView } from '../ui/components/SplitView';
import { t } from '../ui/i18n';
import { DetailPane } from './detail/DetailPane';
import type { OpenResource } from './detail/StackTrace';
import { useAnalysis } from './hooks/use-analysis';
import { useHandshakes } from './hooks/use-handshakes';
import { useImport } from './hooks/use-import';
import { useRows } from './hooks/use-rows';
import { useRecording, useSettings, useStatus } from './hooks/use-source-data';
import { downloadText, exportFileName, exportText } from '../ui/export-recording';
import { DroppedNotice } from './notices/DroppedNotice';
import { EmptyState, ImportedBanner, ImportErrorBanner, StatusBanner, WorkerGapNotice } from './notices/Notices';
import type { HandshakeFeed } from './network/devtools-network';
import { ServicesContext, type PanelServices } from './services';
import { SettingsContext } from './settings-context';
import { useSimulation } from './simulate/use-simulation';
import { AuditSection } from './audit/AuditSection';
import { useAudit } from './audit/use-audit';
import { ClosuresTable } from './table/ClosuresTable';
import { FilterBar } from './toolbar/FilterBar';
import { Toolbar } from './toolbar/Toolbar';
import { Timeline } from './timeline/Timeline';

export interface AppProps {
  source: RecordingSource;
  services: PanelServices;
  /** Opens a source location (DevTools' Sources panel); frames are plain links without it. */
  openResource?: OpenResource;
  /** Saves an export; the default downloads it through a link. Injected by tests. */
  saveFile?(fileName: string, text: string): void;
  now?(): number;
  /** Upgrade-request statuses from DevTools' network data (entry-wired; absent outside DevTools). */
  handshakes?: HandshakeFeed;
}

export function App({ source, services, openResource, saveFile = downloadText, now = Date.now, handshakes }: AppProps) {
  const imports = useImport(source);
  const recording = useRecording(imports.active);
  const [settings, updateSettings] = useSettings(source);
  const settingsHandle = useMemo(() => ({ settings, update: updateSettings }), [settings, updateSettings]);
  const status = useStatus(source, recording);
  const analysed = useAnalysis(recording, services, settings?.profileId ?? 'default', !imports.imported);
  // DevTools' network data belongs to the live tab, never to an imported file.
  const statuses = useHandshakes(imports.imported ? undefined : handshakes, imports.imported ? null : recording);
  const rows = useRows(analysed, services, statuses);
  const simulation = useSimulation(source, !imports.imported);
  const audit = useAudit(source, services, settings?.profileId ?? 'default');
  const [auditOpen, setAuditOpen] = useState(false);

  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [detail, setDetail] = useState<{ open: boolean; focus: boolean }>({ open: false, focus: false });
  const select = useCallback((id: string) => setSelectedId(id), []);
  const open = useCallback((id: string, focus = false) => {
    setSelectedId(id);
    setDetail({ open: true, focus });
  }, []);

  const selectedRow = useMemo(() => rows.all.find((r) => r.id === selectedId), [rows.all, selectedId]);
  const episode = useMemo(
    () => (selectedId ? analysed?.analysis.episodes.find((e) => e.triggerId === selectedId || e.attemptIds.includes(selectedId)) : undefined),
    [analysed, selectedId],
  );

  const onExport = () => {
    if (!recording) return;
    const at = now();
    saveFile(exportFileName(recording, at), exportText(recording, settings?.redactQuery ?? true, at, settings?.exportContent === true));
  };
  const onClear = () => {
    setSelectedId(null);
    void source.clear();
  };
  const backToLive = () => {
    setSelectedId(null);
    imports.backToLive();
  };

  const hasConnections = (recording?.connections.length ?? 0) > 0;
  const table = (
    <div className="table-area">
      {rows.shown.length === 0 ? (
        <EmptyState imported={imports.imported} filtered={rows.all.length > 0} />
      ) : (
        <ClosuresTable rows={rows.shown} sort={rows.sort} onSort={rows.toggleSort} selectedId={selectedId} onSelect={select} onOpen={open} />
      )}
      {detail.open && selectedRow ? (
        <DetailPane
          row={selectedRow}
          episode={episode}
          onSelect={select}
          onClose={() => setDetail({ open: false, focus: false })}
          openResource={openResource}
          focusOnOpen={detail.focus}
          simulation={simulation}
        />
      ) : null}
    </div>
  );

  return (
    <ServicesContext.Provider value={services}>
      <SettingsContext.Provider value={settingsHandle}>
      <div className="app">
        <Toolbar
          settings={settings}
          profiles={services.profiles}
          onSettings={updateSettings}
          onClear={onClear}
          canClear={!imports.imported}
          onExport={onExport}
          canExport={hasConnections}
          onImport={(f) => void imports.importFile(f)}
          onAudit={!imports.imported && source.live && source.simulate ? () => setAuditOpen(true) : undefined}
        />
        <FilterBar filters={rows.filters} options={rows.options} onChange={rows.setFilters} shown={rows.shown.length} total={rows.all.length} />
        {imports.imported ? <ImportedBanner onBackToLive={backToLive} /> : <StatusBanner status={status} />}
        {imports.error ? <ImportErrorBanner message={imports.error} onDismiss={imports.dismissError} /> : null}
        {recording ? <DroppedNotice dropped={recording.dropped} /> : null}
        {auditOpen && !imports.imported ? (
          <AuditSection
            recording={recording}
            state={audit.state}
            onStart={(run) => void audit.start(run)}
            onCancel={audit.cancel}
            onClose={() => {
              audit.reset();
              setAuditOpen(false);
            }}
            onSelect={(id) => open(id)}
          />
        ) : null}
        <main className="app-main">
          {!hasConnections || !analysed ? (
            <EmptyState imported={imports.imported} filtered={false} />
          ) : (
            <SplitView
              direction="column"
              initial={0.3}
              label={t('panel_split_label')}
              first={<Timeline recording={analysed.recording} analysis={analysed.analysis} selectedId={selectedId} onSelect={open} />}
              second={table}
            />
          )}
        </main>
        <WorkerGapNotice />
      </div>
      </SettingsContext.Provider>
    </ServicesContext.Provider>
  );
}
