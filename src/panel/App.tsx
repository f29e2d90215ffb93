/**
 * The Closeline panel: toolbar and filters on top, the timeline above the
 * table of closures and open connections, and the detail of the selected one
 * beside both (below both in a narrow panel, see panel.css), so the verdict
 * gets the panel's full height at every DevTools size.
 * Data comes only through the RecordingSource seam; the pure cores through
 * PanelServices.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { useShownAnalysis } from './hooks/use-shown-analysis';
import { redactUrl, stripPasswords } from '../protocol/redact';
import type { RecordingSource } from '../ui/data/source';
import { SplitView } from '../ui/components/SplitView';
import { t } from '../i18n/translate';
import { getProfile } from '../analysis/profiles';
import { profileName } from '../ui/profile-name';
import { DetailPane } from './detail/DetailPane';
import type { OpenResource } from './detail/StackTrace';
import { useAnalysis } from './hooks/use-analysis';
import { useHandshakes } from './hooks/use-handshakes';
import { useImport } from './hooks/use-import';
import { useRows } from './hooks/use-rows';
import { useRecording, useSettings, useStatus } from './hooks/use-source-data';
import { downloadText, exportFileName, exportText } from '../ui/export-recording';
import { documentUrls, movedPage } from './model/moved-page';
import { EmptyState, WorkerGapNotice } from './notices/Notices';
import { PanelNotices } from './notices/PanelNotices';
import type { HandshakeFeed } from './network/devtools-network';
import { ServicesContext, type PanelServices } from './services';
import { SettingsContext } from './settings-context';
import { usePrivateTab } from '../ui/data/use-private-tab';
import { useSimulation } from './simulate/use-simulation';
import { AuditSection } from './audit/AuditSection';
import { useAudit } from './audit/use-audit';
import { ClosuresTable } from './table/ClosuresTable';
import { ROW_PX } from './table/TableRow';
import { ColumnsMenu } from './table/ColumnsMenu';
import { useColumnPrefs } from './table/use-column-prefs';
import type { ColumnId } from './model/sort-rows';
import { HelpPanel } from './help/HelpPanel';
import { usePanelKeys } from './hooks/use-panel-keys';
import { useFocusRescue } from './hooks/use-focus-rescue';
import { FilterBar, filterCountText } from './toolbar/FilterBar';
import { useFilterAnnouncement } from './toolbar/use-filter-announcement';
import { Toolbar, useToolbarRefs } from './toolbar/Toolbar';
import { Timeline } from './timeline/Timeline';

/** Below this height the panel is "docked at the bottom" short. */
const SHORT_PANEL_PX = 480;
/** At or below this width the detail goes below the overview (panel.css, the `main` container query). */
const NARROW_PANEL_PX = 760;
/** What the table keeps when the timeline asks for its least height: its header and two rows. */
const TABLE_MIN_PX = 24 + 2 * ROW_PX + 3;

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
  const [recording, recordingShown, recordingFrom] = useRecording(imports.active);
  // Whose recording is shown decides how it is judged: for one render after a switch it is still the
  // other source's.
  const recordingLive = recordingFrom === null || recordingFrom === source;
  // The recording of the source shown, or null for that render: what it lost (its dropped notice) and
  // whether an imported file is empty must never be the other source's, not even for one frame.
  const ownRecording = recording && recordingFrom === imports.active ? recording : null;
  const dropped = ownRecording ? ownRecording.dropped : null;
  const [settings, updateSettings] = useSettings(source);
  const privateTab = usePrivateTab(source);
  const settingsHandle = useMemo(
    () => ({ settings, update: updateSettings, privateTab }),
    [settings, updateSettings, privateTab],
  );
  const status = useStatus(source, recording);
  const judged = useAnalysis(recording, services, settings?.profileId ?? 'default', recordingLive, recordingShown);
  const redactQuery = settings?.redactQuery ?? true;
  // The profile that judges what the panel shows (a stored id unknown here judges as the default): an export
  // names it, and a file that names another says so while it is shown.
  const judgedBy = getProfile(settings?.profileId).profile.id;
  const fileProfile = imports.imported ? ownRecording?.profileId : undefined;
  const importedProfile =
    fileProfile !== undefined && fileProfile !== judgedBy
      ? t('panel_imported_profile', [profileName(fileProfile), profileName(judgedBy)])
      : undefined;
  const analysed = useShownAnalysis(judged, redactQuery);
  // A URL the panel shows outside the analysis (notices, the check's sockets), redacted as the table's are.
  const shownUrl = redactQuery ? redactUrl : stripPasswords;
  // DevTools' network data belongs to the live tab, never to an imported file.
  const network = useHandshakes(imports.imported ? undefined : handshakes, imports.imported ? null : ownRecording, now);
  const rows = useRows(analysed, network.statuses);
  const filterResult = useFilterAnnouncement(rows.filters, filterCountText(rows.shown.length, rows.all.length));
  const columnPrefs = useColumnPrefs();
  const [squeezed, setSqueezedState] = useState<readonly ColumnId[]>([]);
  // Same ids, same state: a new array must not re-render the panel (it would delay deferred renders).
  const setSqueezed = useCallback(
    (ids: readonly ColumnId[]) =>
      setSqueezedState((old) => (old.length === ids.length && old.every((id, i) => id === ids[i]) ? old : ids)),
    [],
  );
  // What the timeline needs to show its toolbar, axis and two lanes: its pane never gives it less.
  const [timelineMin, setTimelineMin] = useState(0);
  const [helpOpen, setHelpOpen] = useState(false);
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

  const filterRef = useRef<HTMLInputElement>(null);
  const toolbarRefs = useToolbarRefs();
  // What closes gives focus back to what opened it, never to <body>: the table for the detail (the
  // filter box when a filter hides every row), the "?" button for the help. The same place takes focus
  // when the data removes what held it.
  const focusTable = useCallback(
    () => (document.querySelector<HTMLElement>('.closures') ?? filterRef.current)?.focus(),
    [],
  );
  useFocusRescue(focusTable);
  const closeDetail = useCallback(() => {
    setDetail({ open: false, focus: false });
    focusTable();
  }, [focusTable]);
  const closeHelp = useCallback(() => {
    setHelpOpen(false);
    toolbarRefs.help.current?.focus();
  }, [toolbarRefs]);
  usePanelKeys({
    focusFilter: () => filterRef.current?.focus(),
    escape: () => {
      if (helpOpen) closeHelp();
      else if (detail.open) closeDetail();
      else return false;
      return true;
    },
  });

  const selectedRow = useMemo(() => rows.all.find((r) => r.id === selectedId), [rows.all, selectedId]);
  const docUrls = useMemo(() => documentUrls(analysed?.recording), [analysed?.recording]);
  const episode = useMemo(
    () =>
      selectedId
        ? analysed?.analysis.episodes.find((e) => e.triggerId === selectedId || e.attemptIds.includes(selectedId))
        : undefined,
    [analysed, selectedId],
  );

  const onExport = () => {
    if (!recording) return;
    const at = now();
    // An imported file is judged at its own export's moment (or its last fact): saved again, it keeps that
    // moment, so whoever opens the copy sees the verdicts this panel shows, not ones judged at this export.
    const exportedAt = imports.imported ? undefined : at;
    saveFile(
      exportFileName(recording, at, privateTab),
      exportText(recording, redactQuery, exportedAt, settings?.exportContent === true, judgedBy),
    );
  };
  const onClear = () => {
    setSelectedId(null);
    void source.clear();
  };
  // The banner holding "Back to live" goes with the file: focus goes to the Import button that brought it.
  const backToLive = () => {
    setSelectedId(null);
    imports.backToLive();
    toolbarRefs.import.current?.focus();
  };

  const hasConnections = (recording?.connections.length ?? 0) > 0;
  const table =
    rows.shown.length === 0 ? (
      <EmptyState imported={imports.imported} filtered={rows.all.length > 0} />
    ) : (
      <ClosuresTable
        rows={rows.shown}
        sort={rows.sort}
        onSort={rows.toggleSort}
        selectedId={selectedId}
        onSelect={select}
        onOpen={open}
        columnPrefs={columnPrefs}
        onSqueezed={setSqueezed}
      />
    );
  const detailPane =
    detail.open && selectedRow ? (
      <DetailPane
        row={selectedRow}
        episode={episode}
        onSelect={select}
        onClose={closeDetail}
        openResource={openResource}
        focusOnOpen={detail.focus}
        simulation={simulation}
        page={movedPage(selectedRow.connection, docUrls)}
        fromFile={imports.imported}
      />
    ) : null;

  return (
    <ServicesContext.Provider value={services}>
      <SettingsContext.Provider value={settingsHandle}>
        <div className="app">
          {/* The frame is what the panel scrolls; its width is the panel's less a scrollbar that takes room. */}
          <div className="app-frame">
            <Toolbar
              settings={settings}
              profiles={services.profiles}
              // A refused change puts back the stored settings (useSettings); the toolbar's own controls then
              // show what is stored, so the reason is not shown twice.
              onSettings={(patch) => void updateSettings(patch).catch(() => undefined)}
              onClear={onClear}
              canClear={!imports.imported}
              onExport={onExport}
              canExport={hasConnections}
              onImport={(f) => void imports.importFile(f)}
              onAudit={!imports.imported && source.live && source.simulate ? () => setAuditOpen(true) : undefined}
              helpOpen={helpOpen}
              onHelp={() => setHelpOpen((o) => !o)}
              refs={toolbarRefs}
            />
            <FilterBar
              inputRef={filterRef}
              filters={rows.filters}
              options={rows.options}
              onChange={rows.setFilters}
              shown={rows.shown.length}
              total={rows.all.length}
              columns={<ColumnsMenu state={columnPrefs} squeezed={squeezed} />}
            />
            <PanelNotices
              imports={imports}
              status={status}
              dropped={dropped}
              importedEmpty={imports.imported && ownRecording?.connections.length === 0}
              importedProfile={importedProfile}
              filterResult={filterResult}
              unrecorded={network.unrecorded}
              shownUrl={shownUrl}
              onBackToLive={backToLive}
            />
            {auditOpen && !imports.imported ? (
              <AuditSection
                recording={recording}
                state={audit.state}
                onStart={(run) => void audit.start(run)}
                onCancel={audit.cancel}
                onClose={() => {
                  audit.reset();
                  setAuditOpen(false);
                  toolbarRefs.audit.current?.focus();
                }}
                onSelect={(id) => open(id)}
                profileId={settings?.profileId ?? 'default'}
                // The same sockets as the table's rows: their endpoints redacted as the table redacts them.
                shown={shownUrl}
              />
            ) : null}
            <main className="app-main">
              <div className={`workspace${detailPane ? ' with-detail' : ''}`}>
                <div className="overview">
                  {!hasConnections || !analysed ? (
                    <EmptyState imported={imports.imported} filtered={false} />
                  ) : (
                    <SplitView
                      direction="column"
                      // A short panel (docked at the bottom) or a narrow one (docked right, where the detail
                      // takes most of the height) gives the timeline more of its height, or too few lanes show.
                      initial={
                        window.innerHeight < SHORT_PANEL_PX ? 0.5 : window.innerWidth <= NARROW_PANEL_PX ? 0.4 : 0.3
                      }
                      label={t('panel_split_label')}
                      minFirst={timelineMin}
                      minSecond={TABLE_MIN_PX}
                      first={
                        <Timeline
                          recording={analysed.recording}
                          analysis={analysed.analysis}
                          selectedId={selectedId}
                          onSelect={open}
                          onMinHeight={setTimelineMin}
                        />
                      }
                      second={<div className="table-area">{table}</div>}
                    />
                  )}
                </div>
                {helpOpen ? <HelpPanel onClose={closeHelp} /> : detailPane}
              </div>
            </main>
            <WorkerGapNotice />
          </div>
        </div>
      </SettingsContext.Provider>
    </ServicesContext.Provider>
  );
}
