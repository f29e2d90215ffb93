/**
 * Draws the timeline on its canvas when what is drawn changes, not on every
 * render of the panel around it.
 */
import { useEffect, type RefObject } from 'react';
import { drawTimeline, type DrawInput } from './draw';
import { readPalette, type Palette } from './palette';

/**
 * Colours come from CSS variables and the font from the computed style (the language picks the font);
 * reading either is a style recalculation, which after a table update cost more than the drawing.
 * Read once per canvas, theme and language.
 */
interface Look {
  key: string;
  palette: Palette;
  font: string;
}
const looks = new WeakMap<Element, Look>();
function lookOf(el: Element, theme: number, lang: string): Look {
  const key = `${theme}|${lang}`;
  const hit = looks.get(el);
  if (hit && hit.key === key) return hit;
  const look = { key, palette: readPalette(el), font: `11px ${getComputedStyle(el).fontFamily || 'sans-serif'}` };
  looks.set(el, look);
  return look;
}

export type CanvasDrawInput = Omit<DrawInput, 'palette' | 'font'> & { theme: number; lang: string };

export function useCanvasDraw(canvasRef: RefObject<HTMLCanvasElement | null>, input: CanvasDrawInput): void {
  const { model, index, view, nowMs, width, height, geometry, selected, hovered, theme, lang } = input;
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return; // happy-dom and some hidden frames have no 2D context.
    const dpr = window.devicePixelRatio || 1;
    const w = Math.round(width * dpr);
    const h = Math.round(height * dpr);
    if (canvas.width !== w) canvas.width = w;
    if (canvas.height !== h) canvas.height = h;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    const look = lookOf(canvas, theme, lang);
    drawTimeline(ctx, {
      model,
      index,
      view,
      nowMs,
      width,
      height,
      geometry,
      selected,
      hovered,
      palette: look.palette,
      font: look.font,
    });
    // The view and geometry count by their values, not their identity (a pan or a render makes new
    // objects with the same range and offsets).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [
    canvasRef,
    model,
    index,
    view.startMs,
    view.endMs,
    nowMs,
    width,
    height,
    geometry.scrollY,
    selected,
    hovered,
    theme,
    lang,
  ]);
}
