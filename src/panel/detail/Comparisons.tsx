import type { Comparison } from '../../knowledge/types';
import { t } from '../../i18n/translate';

/** "X vs Y": how this code differs from codes it is often confused with. */
export function Comparisons({ comparisons }: { comparisons: readonly Comparison[] }) {
  if (comparisons.length === 0) return null;
  return (
    <>
      {comparisons.map((c) => (
        <article key={c.id} className="comparison">
          <h4>{t(c.titleId)}</h4>
          <ul>
            {c.differenceIds.map((id) => (
              <li key={id}>{t(id)}</li>
            ))}
          </ul>
          <dl className="facts">
            {c.codes.map((code, i) => {
              const id = c.useWhenIds[i];
              return id ? (
                <div key={code}>
                  <dt>{t('panel_cmp_use', [code])}</dt>
                  <dd>{t(id)}</dd>
                </div>
              ) : null;
            })}
          </dl>
        </article>
      ))}
    </>
  );
}
