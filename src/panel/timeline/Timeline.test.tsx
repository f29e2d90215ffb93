import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { catalogTranslator, setTranslator, t } from '../../i18n/translate';
import { localeCatalog } from '../../test-support/locale-catalog';
import DefaultTimeline, { Timeline } from './Timeline';
import { DEFAULT_GEOMETRY } from './hit-test';
import { at, conn, movedReconnect, opened, recordingOf, sampleAnalysis, sampleRecording } from './test-fixture';

afterEach(cleanup);

const recording = sampleRecording();
const analysis = sampleAnalysis();
const clock = () => at(15);

function Controlled({ initial, onSelect }: { initial: string | null; onSelect: (id: string) => void }) {
  const [selectedId, setSelected] = useState(initial);
  return (
    <Timeline
      recording={recording}
      analysis={analysis}
      selectedId={selectedId}
      clock={clock}
      onSelect={(id) => {
        onSelect(id);
        setSelected(id);
      }}
    />
  );
}

const area = () => screen.getByRole('application', { name: t('timeline_aria_label') });
const range = () => {
  const el = area();
  return { start: Number(el.dataset.viewStart), end: Number(el.dataset.viewEnd) };
};
const span = () => range().end - range().start;

/** happy-dom 21's WheelEvent drops the modifier keys of its init dict: set them on the event. */
function wheel(init: { deltaY: number; ctrlKey?: boolean; metaKey?: boolean; shiftKey?: boolean }): WheelEvent {
  const e = new WheelEvent('wheel', { deltaY: init.deltaY, bubbles: true, cancelable: true });
  for (const key of ['ctrlKey', 'metaKey', 'shiftKey'] as const)
    Object.defineProperty(e, key, { value: init[key] === true });
  Object.defineProperty(e, 'clientX', { value: 500 });
  return e;
}

describe('Timeline', () => {
  it('is the default export too', () => {
    expect(DefaultTimeline).toBe(Timeline);
  });

  it('lists its lanes in the accessible summary', () => {
    render(<Timeline recording={recording} analysis={analysis} selectedId={null} onSelect={() => {}} clock={clock} />);
    expect(screen.getByText('Timeline: 2 lanes, 4 connections, 3 closures.')).toBeTruthy();
    const items = within(screen.getByRole('list', { name: t('timeline_lanes_label') })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      'wss://chat.example/ws: 2 connections, 1 closed',
      'wss://feed.example/live (frame 3): 2 connections, 2 closed',
    ]);
    expect(area().getAttribute('tabindex')).toBe('0');
  });

  it.each<[string, string, string[]]>([
    [
      'ar',
      'المخطط الزمني: مساران، و4 اتصالات، و3 عمليات إغلاق.',
      [
        'wss://chat.example/ws: \u200fاتصالان، أُغلق منهما 1',
        'wss://feed.example/live (الإطار 3): \u200fاتصالان، أُغلق منهما 2',
      ],
    ],
    [
      'hi',
      'टाइमलाइन: 2 लेन, 4 कनेक्शन, 3 क्लोज़र।',
      ['wss://chat.example/ws: 2 कनेक्शन, 1 बंद', 'wss://feed.example/live (फ़्रेम 3): 2 कनेक्शन, 2 बंद'],
    ],
  ])('says its counts in the plural form of the language (%s)', (lang, summary, lines) => {
    setTranslator(catalogTranslator(localeCatalog(lang)), { intlLocale: lang });
    try {
      render(
        <Timeline recording={recording} analysis={analysis} selectedId={null} onSelect={() => {}} clock={clock} />,
      );
      expect(screen.getByText(summary)).toBeTruthy();
      const items = within(screen.getByRole('list', { name: t('timeline_lanes_label') })).getAllByRole('listitem');
      expect(items.map((li) => li.textContent)).toEqual(lines);
    } finally {
      setTranslator(catalogTranslator(localeCatalog('en')));
    }
  });

  it.each([
    ['nothing selected, Right', null, ['ArrowRight'], ['a']],
    ['nothing selected, Left', null, ['ArrowLeft'], ['f2']],
    ['walks forward through closures in time', null, ['ArrowRight', 'ArrowRight', 'ArrowRight'], ['a', 'f1', 'f2']],
    ['and back', 'f2', ['ArrowLeft', 'ArrowLeft'], ['f1', 'a']],
    ['stops at the last closure', 'f2', ['ArrowRight'], []],
    ['from an open connection, by its start', 'b', ['ArrowRight'], ['f1']],
  ])('keyboard selection: %s', (_name, initial, keys, want) => {
    const onSelect = vi.fn();
    render(<Controlled initial={initial} onSelect={onSelect} />);
    area().focus();
    for (const key of keys) fireEvent.keyDown(area(), { key });
    expect(onSelect.mock.calls.map((c) => c[0])).toEqual(want);
  });

  it.each([
    ['zoom in button', () => fireEvent.click(screen.getByRole('button', { name: t('timeline_zoom_in') })), 0.5],
    ['zoom out button', () => fireEvent.click(screen.getByRole('button', { name: t('timeline_zoom_out') })), 2],
    ['+ key', () => fireEvent.keyDown(area(), { key: '+' }), 0.5],
    ['- key', () => fireEvent.keyDown(area(), { key: '-' }), 2],
  ])('%s changes the visible range', (_name, action, ratio) => {
    render(<Timeline recording={recording} analysis={analysis} selectedId={null} onSelect={() => {}} clock={clock} />);
    // Start zoomed in: from "fit all", zooming out is capped at 1.5× the data.
    fireEvent.click(screen.getByRole('button', { name: t('timeline_zoom_in') }));
    fireEvent.click(screen.getByRole('button', { name: t('timeline_zoom_in') }));
    const before = span();
    const text = screen.getByTestId('timeline-range').textContent;
    action();
    expect(span() / before).toBeCloseTo(ratio, 2);
    expect(screen.getByTestId('timeline-range').textContent).not.toBe(text);
  });

  it('folds and unfolds the legend with its button (shown only in a narrow panel, by the stylesheet)', () => {
    render(<Timeline recording={recording} analysis={analysis} selectedId={null} onSelect={() => {}} clock={clock} />);
    const toggle = screen.getByRole('button', { name: t('timeline_legend_label') });
    const legend = screen.getByRole('list', { name: t('timeline_legend_label') });
    expect(toggle.getAttribute('aria-controls')).toBe(legend.id);
    expect([toggle.getAttribute('aria-expanded'), legend.className]).toEqual(['false', 'tl-legend']);
    fireEvent.click(toggle);
    expect([toggle.getAttribute('aria-expanded'), legend.className]).toEqual(['true', 'tl-legend tl-legend-open']);
    fireEvent.click(toggle);
    expect([toggle.getAttribute('aria-expanded'), legend.className]).toEqual(['false', 'tl-legend']);
  });

  it('cannot zoom out much past the whole recording', () => {
    render(<Timeline recording={recording} analysis={analysis} selectedId={null} onSelect={() => {}} clock={clock} />);
    for (let i = 0; i < 5; i++) fireEvent.keyDown(area(), { key: '-' });
    expect(span()).toBe(22_500); // 1.5 × the 15 s of data
  });

  it('fit shows everything again after zooming in', () => {
    render(<Timeline recording={recording} analysis={analysis} selectedId={null} onSelect={() => {}} clock={clock} />);
    const fitted = range();
    fireEvent.keyDown(area(), { key: '+' });
    fireEvent.keyDown(area(), { key: '+' });
    fireEvent.click(screen.getByRole('button', { name: t('timeline_zoom_fit') }));
    expect(range()).toEqual(fitted);
    expect(fitted.start).toBeLessThanOrEqual(0);
    expect(fitted.end).toBeGreaterThanOrEqual(15_000);
  });

  it('turns follow live off when the user pans back', () => {
    render(<Timeline recording={recording} analysis={analysis} selectedId={null} onSelect={() => {}} clock={clock} />);
    const follow = screen.getByRole('button', { name: t('timeline_follow_live') });
    expect(follow.getAttribute('aria-pressed')).toBe('true');
    fireEvent.keyDown(area(), { key: '+' });
    fireEvent.keyDown(area(), { key: '+' });
    const live = range();
    fireEvent.keyDown(area(), { key: 'ArrowLeft', shiftKey: true });
    expect(follow.getAttribute('aria-pressed')).toBe('false');
    expect(range().start).toBeLessThan(live.start);
    fireEvent.keyDown(area(), { key: 'End' });
    expect(follow.getAttribute('aria-pressed')).toBe('true');
    expect(range()).toEqual(live);
  });

  it('scrolls an outside selection into view', () => {
    const { rerender } = render(
      <Timeline recording={recording} analysis={analysis} selectedId={null} onSelect={() => {}} clock={clock} />,
    );
    for (let i = 0; i < 3; i++) fireEvent.keyDown(area(), { key: '+' });
    expect(range().start).toBeGreaterThan(5_000); // following live, zoomed in: the close of 'a' (5 s) is off screen
    rerender(<Timeline recording={recording} analysis={analysis} selectedId="a" onSelect={() => {}} clock={clock} />);
    // The close marker of 'a' (5 s) is brought into view.
    expect(range().start).toBeLessThan(5_000);
    expect(range().end).toBeGreaterThan(5_000);
    // Selected from elsewhere (the table, which reads its own active row): not announced again here.
    const live = document.querySelector('.sr-only[aria-live]')!;
    expect(live.textContent).toBe('');
  });

  it('announces the selection while the timeline has focus, and only then', () => {
    const { rerender } = render(
      <Timeline recording={recording} analysis={analysis} selectedId={null} onSelect={() => {}} clock={clock} />,
    );
    const live = document.querySelector('.sr-only[aria-live]')!;
    act(() => area().focus());
    rerender(<Timeline recording={recording} analysis={analysis} selectedId="a" onSelect={() => {}} clock={clock} />);
    expect(live.textContent).toMatch(/^Selected: wss:\/\/chat\.example\/ws\?token=1, /);
    expect(live.querySelector('bdi')?.textContent).toBe('wss://chat.example/ws?token=1');
    act(() => area().blur());
    expect(live.textContent).toBe('');
  });

  describe('drawing', () => {
    // happy-dom has no 2D context: one that draws nothing and counts frames (each frame clips the plot once),
    // and animation frames run when the test says.
    let draws = 0;
    let frames: FrameRequestCallback[] = [];
    const nextFrame = () => {
      const run = frames;
      frames = [];
      act(() => run.forEach((f) => f(0)));
    };
    beforeEach(() => {
      draws = 0;
      frames = [];
      const answers: Record<string | symbol, () => unknown> = {
        clip: () => void draws++,
        measureText: () => ({ width: 10 }),
        getTransform: () => ({ a: 1 }),
      };
      const ctx = new Proxy({}, { get: (_t, key) => answers[key] ?? (() => {}), set: () => true });
      vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(ctx as never);
      vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
      vi.stubGlobal('cancelAnimationFrame', () => {});
    });
    afterEach(() => {
      vi.restoreAllMocks();
      vi.unstubAllGlobals();
    });
    const timeline = (selectedId: string | null) => (
      <Timeline recording={recording} analysis={analysis} selectedId={selectedId} onSelect={() => {}} clock={clock} />
    );

    it('draws at most once per frame', () => {
      const { rerender } = render(timeline(null));
      for (let i = 0; i < 3; i++) fireEvent.keyDown(area(), { key: '+' });
      expect(draws).toBe(0);
      nextFrame();
      expect(draws).toBe(1);
      nextFrame();
      expect(draws).toBe(1);
      rerender(timeline('b'));
      fireEvent.keyDown(area(), { key: '-' });
      nextFrame();
      expect(draws).toBe(2);
    });

    it('draws once for a selection it scrolls into view', () => {
      const { rerender } = render(timeline(null));
      for (let i = 0; i < 3; i++) fireEvent.keyDown(area(), { key: '+' });
      nextFrame();
      draws = 0;
      rerender(timeline('a'));
      expect(range().start).toBeLessThan(5_000);
      nextFrame();
      expect(draws).toBe(1);
    });
  });

  it('leaves the view alone when the selection is already on screen', () => {
    const { rerender } = render(
      <Timeline recording={recording} analysis={analysis} selectedId={null} onSelect={() => {}} clock={clock} />,
    );
    const before = range();
    rerender(<Timeline recording={recording} analysis={analysis} selectedId="b" onSelect={() => {}} clock={clock} />);
    expect(range()).toEqual(before);
    expect(screen.getByRole('button', { name: t('timeline_follow_live') }).getAttribute('aria-pressed')).toBe('true');
  });

  it.each([
    ['ctrl+wheel up zooms in', { deltaY: -200, ctrlKey: true }, (b: number, a: number) => a < b, 'true'],
    ['meta+wheel down zooms out', { deltaY: 100, metaKey: true }, (b: number, a: number) => a > b, 'true'],
    [
      'shift+wheel up pans back and stops following',
      { deltaY: -100, shiftKey: true },
      (b: number, a: number) => a === b,
      'false',
    ],
  ])('%s', (_name, init, spanCheck, following) => {
    render(<Timeline recording={recording} analysis={analysis} selectedId={null} onSelect={() => {}} clock={clock} />);
    fireEvent.keyDown(area(), { key: '+' });
    const before = span();
    fireEvent(area(), wheel(init));
    expect(spanCheck(before, span())).toBe(true);
    expect(screen.getByRole('button', { name: t('timeline_follow_live') }).getAttribute('aria-pressed')).toBe(
      following,
    );
  });

  it('scrolls lanes taller than the view with the wheel, and leaves the wheel to the panel at their ends', () => {
    // 30 endpoints, one lane each: far taller than the view (happy-dom lays nothing out: 240 px high).
    const many = recordingOf(
      Array.from({ length: 30 }, (_, i) => conn(`c${i}`, `wss://h${i}.example/ws`, i * 0.1, [opened(i * 0.1 + 0.05)])),
    );
    render(<Timeline recording={many} analysis={null} selectedId={null} onSelect={() => {}} clock={clock} />);
    // Returns whether the timeline took the wheel (the panel scrolls when it did not).
    const taken = (deltaY: number) => {
      const e = wheel({ deltaY });
      act(() => {
        area().dispatchEvent(e);
      });
      return e.defaultPrevented;
    };
    expect(taken(-100), 'at the top, up goes to the panel').toBe(false);
    expect(taken(100), 'down scrolls the lanes').toBe(true);
    expect(taken(-100), 'up scrolls them back').toBe(true);
    for (let i = 0; i < 20 && taken(400); i++);
    expect(taken(100), 'at the bottom, down goes to the panel').toBe(false);
    expect(taken(-100), 'up still scrolls the lanes').toBe(true);
  });

  it('shows a tooltip on hover and selects on click', () => {
    const onSelect = vi.fn();
    render(<Timeline recording={recording} analysis={analysis} selectedId={null} onSelect={onSelect} clock={clock} />);
    const { start, end } = range();
    // happy-dom lays nothing out: the component falls back to 800 px wide, rects at 0,0.
    const plot = 800 - DEFAULT_GEOMETRY.labelWidth;
    const clientX = DEFAULT_GEOMETRY.labelWidth + ((2_000 - start) / (end - start)) * plot;
    const clientY = DEFAULT_GEOMETRY.axisHeight + 10;
    act(() => {
      fireEvent.pointerMove(area(), { clientX, clientY });
    });
    const tip = screen.getByRole('tooltip');
    expect(tip.hidden).toBe(false);
    expect(tip.textContent).toContain('wss://chat.example/ws?token=1');
    expect(tip.textContent).toContain(t('timeline_tip_code', [1012, t('code_ws_1012_name')]));
    expect(tip.textContent).toContain(t('timeline_tip_next', ['2.0 s']));
    fireEvent.pointerDown(area(), { clientX, clientY, button: 0 });
    fireEvent.pointerUp(area(), { clientX, clientY, button: 0 });
    expect(onSelect).toHaveBeenCalledWith('a');
  });

  it('renders an empty recording without data or a 2D context', () => {
    render(
      <Timeline
        recording={{ ...recording, connections: [], marks: [] }}
        analysis={null}
        selectedId={null}
        onSelect={() => {}}
        clock={clock}
      />,
    );
    expect(screen.getByText(t('timeline_empty'))).toBeTruthy();
    expect(screen.getByText('Timeline: 0 lanes, 0 connections, 0 closures.')).toBeTruthy();
  });

  describe('page strings with bidi controls', () => {
    // A URL and a moved-to host that carry a right-to-left override, in the top frame and in frame 2.
    const evilUrl = 'wss://evil.example/\u202Egnp.x';
    const evilHost = '\u202Eelgoog.example';
    const [evilRecording, evilAnalysis] = movedReconnect(evilUrl, evilHost, 2);
    const isolated = (el: Element) =>
      [...el.querySelectorAll('bdi')].map((b) => {
        expect(b.getAttribute('dir')).toBe('ltr');
        expect(b.classList.contains('page-text')).toBe(true);
        return b.textContent;
      });

    it('isolates the hovered URL and the new host in the tooltip', () => {
      render(
        <Timeline
          recording={evilRecording}
          analysis={evilAnalysis}
          selectedId={null}
          onSelect={() => {}}
          clock={clock}
        />,
      );
      const { start, end } = range();
      const plot = 800 - DEFAULT_GEOMETRY.labelWidth;
      const clientX = DEFAULT_GEOMETRY.labelWidth + ((1_000 - start) / (end - start)) * plot;
      act(() => {
        fireEvent.pointerMove(area(), { clientX, clientY: DEFAULT_GEOMETRY.axisHeight + 10 });
      });
      const tip = screen.getByRole('tooltip');
      expect(isolated(tip)).toEqual(['wss://evil.example/U+202Egnp.x', 'U+202Eelgoog.example']);
      expect(tip.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
      expect(tip.textContent).toContain('moved to U+202Eelgoog.example');
    });

    it('isolates the selected URL in the live region and each lane in the summary', () => {
      render(
        <Timeline recording={evilRecording} analysis={evilAnalysis} selectedId="a" onSelect={() => {}} clock={clock} />,
      );
      act(() => area().focus());
      const live = document.querySelector('.sr-only[aria-live]')!;
      expect(isolated(live)).toEqual(['wss://evil.example/U+202Egnp.x', 'U+202Eelgoog.example']);
      const lanes = within(screen.getByRole('list', { name: t('timeline_lanes_label') })).getAllByRole('listitem');
      expect(lanes.map(isolated)).toEqual([['wss://evil.example/U+202Egnp.x'], ['wss://U+202Eelgoog.example/ws']]);
      expect(lanes[1]!.textContent).toMatch(/^wss:\/\/U\+202Eelgoog\.example\/ws \(frame 2\): /);
    });
  });
});
