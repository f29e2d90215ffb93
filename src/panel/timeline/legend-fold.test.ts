import { describe, expect, it } from 'vitest';
import { MIN_LANES_PX, nextFold, UNFOLDED, type Fold } from './legend-fold';

describe('nextFold', () => {
  const folded = (unfoldAt: number): Fold => ({ short: true, unfoldAt });
  it.each<[string, Fold, number, number, Fold]>([
    ['room for the axis and two lanes: stays unfolded', UNFOLDED, 200, MIN_LANES_PX, UNFOLDED],
    // 140 px tall, the legend's lines leave the lanes 30: folded until the timeline is 34 px taller.
    ['too little room: folds, and says how tall to unfold', UNFOLDED, 140, 30, folded(140 + MIN_LANES_PX - 30)],
    ['folded, the lanes now tall: stays folded while the timeline is as short', folded(174), 140, 120, folded(174)],
    ['folded, the timeline grew enough: unfolds', folded(174), 174, 200, UNFOLDED],
    ['folded, grown but not enough: stays folded', folded(174), 173, 200, folded(174)],
  ])('%s', (_name, fold, root, lanes, want) => {
    expect(nextFold(fold, root, lanes)).toEqual(want);
  });

  it('never alternates at a fixed height', () => {
    // Unfolded the lanes get 30 px at 140; folded (the legend's 2 lines given back) 64 or more.
    let f: Fold = UNFOLDED;
    const seen: boolean[] = [];
    for (let i = 0; i < 6; i++) {
      f = nextFold(f, 140, f.short ? 64 : 30);
      seen.push(f.short);
    }
    expect(seen).toEqual([true, true, true, true, true, true]);
  });
});
