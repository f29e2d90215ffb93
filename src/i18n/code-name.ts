/**
 * A close code's name from the presentation model's name ids (src/analysis/present.ts):
 * the name, or every candidate when protocols define the code and none is established.
 * The one way every view (and the toolbar badge) words a code's name.
 */
import { t } from './translate';

export function codeNameText(nameIds: readonly string[]): string {
  const names = [...new Set(nameIds.map((id) => t(id)))];
  if (names.length <= 1) return names[0] ?? '';
  return t('popup_code_ambiguous', [names.join(' / ')]);
}
