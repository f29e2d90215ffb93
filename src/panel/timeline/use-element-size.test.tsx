import { cleanup, render } from '@testing-library/react';
import { useRef } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { useElementSize, type MeasuredSize } from './use-element-size';

afterEach(cleanup);

function Probe({ seen, width }: { seen: MeasuredSize[]; width: number }) {
  const ref = useRef<HTMLDivElement>(null);
  seen.push(useElementSize(ref, { width: 100_000, height: 0 }));
  return <div ref={ref} style={{ width }} />;
}

describe('useElementSize', () => {
  it('is unmeasured in the first render only, and measured before anything is painted', () => {
    const seen: MeasuredSize[] = [];
    // The layout effect measures and renders again inside render()'s act, as the browser would before painting.
    render(<Probe seen={seen} width={300} />);
    expect(seen[0]).toEqual({ width: 100_000, height: 0, measured: false });
    // happy-dom lays nothing out: the fallback is what a measurement gives, now marked measured.
    expect(seen.at(-1)).toEqual({ width: 100_000, height: 0, measured: true });
    expect(seen.slice(1).every((s) => s.measured)).toBe(true);
  });

  it('keeps the same object while the measurement does not change', () => {
    const seen: MeasuredSize[] = [];
    const { rerender } = render(<Probe seen={seen} width={300} />);
    const settled = seen.at(-1);
    rerender(<Probe seen={seen} width={300} />);
    expect(seen.at(-1)).toBe(settled);
  });
});
