/**
 * The latest value of something an effect reads without being re-run by it (a callback
 * prop, a selection index): the ref is updated in a layout effect, which React runs
 * before the passive effects of the same commit, so those always see this render's value.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useLatest<T>(value: T): RefObject<T> {
  const ref = useRef(value);
  useLayoutEffect(() => {
    ref.current = value;
  });
  return ref;
}
