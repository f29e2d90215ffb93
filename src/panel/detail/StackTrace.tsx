import type { MouseEvent } from 'react';
import { t } from '../../i18n/translate';
import { parseStack } from './parse-stack';
import { PageText } from '../../ui/components/PageText';

export type OpenResource = (url: string, line: number) => void;

interface Props {
  stack: string;
  openResource?: OpenResource;
}

/** A recorded stack, one frame per line, each frame linking to its source. */
export function StackTrace({ stack, openResource }: Props) {
  const frames = parseStack(stack);
  if (frames.length === 0) return <p className="muted">{t('panel_stack_empty')}</p>;
  return (
    <ol className="stack">
      {frames.map((f, i) => {
        if (!f.url || f.line === undefined)
          return (
            <li key={i}>
              <PageText text={f.text} />
            </li>
          );
        const { url, line } = f;
        const open = (e: MouseEvent) => {
          // In DevTools, open the Sources panel at the line instead of navigating the panel away.
          if (!openResource) return;
          e.preventDefault();
          openResource(url, line);
        };
        return (
          <li key={i}>
            {f.fn ? (
              <>
                <PageText className="stack-fn" text={f.fn} />{' '}
              </>
            ) : null}
            <a href={url} target="_blank" rel="noreferrer" onClick={open}>
              <PageText text={`${url}:${line}:${f.column ?? 0}`} />
            </a>
          </li>
        );
      })}
    </ol>
  );
}
