/** Closures in the recent window, one row per code, problems first. */
import { levelLabelId } from '../analysis/present';
import { t } from '../i18n/translate';
import { tPlural } from '../i18n/plural';
import { groupText } from './group-text';
import type { CodeGroup } from './summary-model';

export interface RecentGroupsProps {
  groups: CodeGroup[];
  minutes: number;
  /** The code's name for a connection's closure, from the presentation model. */
  nameOf: (connectionId: string) => string;
}

export function RecentGroups({ groups, minutes, nameOf }: RecentGroupsProps) {
  return (
    <section className="section" aria-labelledby="popup-recent">
      <h2 id="popup-recent">{tPlural('popup_recent_heading', minutes)}</h2>
      {groups.length === 0 ? (
        <p className="muted">{tPlural('popup_recent_none', minutes)}</p>
      ) : (
        <ul className="groups">
          {groups.map((g) => (
            <li key={g.code} className={g.problems > 0 ? 'group has-problems' : 'group'} data-code={g.code}>
              <span className="code">{g.code}</span>
              <span className="name">{nameOf(g.latest.connectionId)}</span>
              <span className="count">{groupText(g)}</span>
              {g.problems > 0 && <span className="problems">{t(levelLabelId('problem'))}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
