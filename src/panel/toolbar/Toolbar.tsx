import { useMemo, useRef, type ChangeEvent, type RefObject } from 'react';
import type { Settings } from '../../protocol/messages';
import { t } from '../../i18n/translate';
import { LanguageSelect } from '../../ui/components/LanguageSelect';
import type { ProfileOption } from '../services';
import { DEFAULT_PROFILE } from '../../analysis/profiles';

/** The toolbar buttons that open something, for focus to return to when it closes. */
export interface ToolbarRefs {
  help: RefObject<HTMLButtonElement | null>;
  import: RefObject<HTMLButtonElement | null>;
  audit: RefObject<HTMLButtonElement | null>;
}

export function useToolbarRefs(): ToolbarRefs {
  const help = useRef<HTMLButtonElement>(null);
  const importButton = useRef<HTMLButtonElement>(null);
  const audit = useRef<HTMLButtonElement>(null);
  return useMemo(() => ({ help, import: importButton, audit }), []);
}

interface Props {
  settings: Settings | null;
  profiles: readonly ProfileOption[];
  onSettings(patch: Partial<Settings>): void;
  onClear(): void;
  /** False while viewing an imported file: clearing it would lose nothing the user can get back. */
  canClear: boolean;
  onExport(): void;
  canExport: boolean;
  onImport(file: File): void;
  /** Opens the reconnect check; absent while viewing an imported file (there is no page to act on). */
  onAudit?(): void;
  helpOpen: boolean;
  onHelp(): void;
  refs?: ToolbarRefs;
}

/** The top toolbar, in DevTools' Network panel order: clear, preserve log, then profile and file actions. */
export function Toolbar({
  settings,
  profiles,
  onSettings,
  onClear,
  canClear,
  onExport,
  canExport,
  onImport,
  onAudit,
  helpOpen,
  onHelp,
  refs,
}: Props) {
  const fileRef = useRef<HTMLInputElement>(null);
  // A stored id this build does not know (a newer build's profile, a hand-edited store) is judged by the
  // default profile: the select says so, rather than showing the default as if it had been chosen.
  const unknownProfile =
    settings && !profiles.some((p) => p.id === settings.profileId) ? settings.profileId : undefined;
  const onFile = (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    // Reset so choosing the same file again fires change again.
    e.target.value = '';
    if (file) onImport(file);
  };
  return (
    <div className="toolbar" role="toolbar" aria-label={t('panel_toolbar_label')}>
      <button type="button" onClick={onClear} disabled={!canClear} title={t('panel_clear')}>
        {t('panel_clear')}
      </button>
      <span className="toolbar-divider" />
      <label className="toolbar-check">
        <input
          type="checkbox"
          checked={settings?.preserveLog ?? false}
          disabled={!settings}
          onChange={(e) => onSettings({ preserveLog: e.target.checked })}
        />
        {t('panel_preserve_log')}
      </label>
      <span className="toolbar-divider" />
      <label className="toolbar-select">
        {t('panel_profile')}
        <select
          value={settings?.profileId ?? ''}
          disabled={!settings}
          onChange={(e) => onSettings({ profileId: e.target.value })}
        >
          {unknownProfile ? (
            <option value={unknownProfile} disabled>
              {t('ui_profile_unknown', [unknownProfile, t(DEFAULT_PROFILE.nameId)])}
            </option>
          ) : null}
          {profiles.map((p) => (
            <option key={p.id} value={p.id}>
              {t(p.nameId)}
            </option>
          ))}
        </select>
      </label>
      <span className="toolbar-divider" />
      <button
        ref={refs?.audit}
        type="button"
        onClick={onAudit}
        disabled={!onAudit}
        title={t('audit_button_title')}
        data-testid="audit-open"
      >
        {t('audit_button')}
      </button>
      <span className="toolbar-spacer" />
      <LanguageSelect
        className="toolbar-select"
        value={settings?.language}
        disabled={!settings}
        onChange={(language) => onSettings({ language })}
      />
      <label className="toolbar-check" title={t('ui_redact_query_title')}>
        <input
          type="checkbox"
          checked={settings?.redactQuery ?? true}
          disabled={!settings}
          onChange={(e) => onSettings({ redactQuery: e.target.checked })}
          data-testid="redact-query"
        />
        {t('ui_redact_query')}
      </label>
      <label className="toolbar-check" title={t('ui_export_content_title')}>
        <input
          type="checkbox"
          checked={settings?.exportContent ?? false}
          disabled={!settings}
          onChange={(e) => onSettings({ exportContent: e.target.checked })}
          data-testid="export-content"
        />
        {t('ui_export_content')}
      </label>
      <button type="button" onClick={onExport} disabled={!canExport} title={t('panel_export_title')}>
        {t('panel_export')}
      </button>
      <button ref={refs?.import} type="button" onClick={() => fileRef.current?.click()} title={t('panel_import_title')}>
        {t('panel_import')}
      </button>
      <span className="toolbar-divider" />
      <button
        ref={refs?.help}
        type="button"
        className="help-button"
        onClick={onHelp}
        aria-expanded={helpOpen}
        aria-label={t('panel_help_button')}
        title={t('panel_help_button')}
        data-testid="help-button"
      >
        {t('panel_help_symbol')}
      </button>
      <input
        ref={fileRef}
        type="file"
        accept="application/json,.json"
        hidden
        onChange={onFile}
        data-testid="import-input"
      />
    </div>
  );
}
