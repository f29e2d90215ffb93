/**
 * A close code's name from the presentation model (src/analysis/present.ts): its
 * name, or, when protocols define the code but none is established for the socket,
 * what it would be ("one of: …"), never a guess. The one way every view (and the
 * toolbar badge) words a code's name.
 */
import type { CodePresentation } from '../analysis/present';
import { t } from './translate';

export function codeNameText(code: Pick<CodePresentation, 'nameIds' | 'lookup'>): string {
  const names = [...new Set(code.nameIds.map((id) => t(id)))];
  if (code.lookup.kind !== 'ambiguous') return names.join(' / ');
  return t('popup_code_ambiguous', [names.join(' / ')]);
}
