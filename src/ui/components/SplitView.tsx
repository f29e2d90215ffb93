import { useRef, useState, type PointerEvent, type ReactNode } from 'react';

interface Props {
  first: ReactNode;
  second: ReactNode;
  /** 'column': first above second; 'row': first left of second. */
  direction: 'column' | 'row';
  /** Initial share of the first pane, 0..1. */
  initial: number;
  /** Accessible name of the divider. */
  label: string;
  /** The least the first pane may get, in px, its share notwithstanding: what it shows is cut, not shrunk, below it. */
  minFirst?: number;
  /** What the second pane keeps, in px, however much minFirst asks for. */
  minSecond?: number;
}

const clamp = (x: number) => Math.min(0.9, Math.max(0.1, x));

/** Two panes and a draggable divider, like DevTools' split widgets. */
export function SplitView({ first, second, direction, initial, label, minFirst, minSecond = 0 }: Props) {
  const [share, setShare] = useState(initial);
  const root = useRef<HTMLDivElement>(null);
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (!e.currentTarget.hasPointerCapture(e.pointerId) || !root.current) return;
    const r = root.current.getBoundingClientRect();
    const size = direction === 'column' ? r.height : r.width;
    if (size > 0) setShare(clamp(direction === 'column' ? (e.clientY - r.top) / size : (e.clientX - r.left) / size));
  };
  return (
    <div ref={root} className={`split split-${direction}`}>
      <div
        className="split-pane"
        style={{
          flexBasis: `${share * 100}%`,
          [direction === 'column' ? 'minHeight' : 'minWidth']: minFirst
            ? `min(${minFirst}px, calc(100% - ${minSecond}px))`
            : undefined,
        }}
      >
        {first}
      </div>
      <div
        className="split-divider"
        role="separator"
        aria-label={label}
        aria-orientation={direction === 'column' ? 'horizontal' : 'vertical'}
        aria-valuenow={Math.round(share * 100)}
        tabIndex={0}
        onPointerDown={(e) => e.currentTarget.setPointerCapture(e.pointerId)}
        onPointerMove={onPointerMove}
        onKeyDown={(e) => {
          const step =
            e.key === 'ArrowUp' || e.key === 'ArrowLeft'
              ? -0.05
              : e.key === 'ArrowDown' || e.key === 'ArrowRight'
                ? 0.05
                : 0;
          if (step !== 0) setShare((s) => clamp(s + step));
        }}
      />
      <div className="split-pane split-pane-rest">{second}</div>
    </div>
  );
}
