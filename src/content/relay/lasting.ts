/**
 * Listeners that outlast document.open(). It erases every listener on the document, on its nodes and on
 * its window, the extension's own included: after one (an ad writing its frame, a page rewriting itself),
 * the relay heard no pagehide, visibility, freeze or network change, so a reconnect made while the tab was
 * hidden or offline was judged as if it were not. A MutationObserver is no listener and stays; it sees the
 * document's children replaced and adds every listener again. Adding a listener that is still there
 * changes nothing, so other changes to the document's children cost only that.
 */
export type Listen = (target: EventTarget, type: string, fn: (e: Event) => void, opts: AddEventListenerOptions) => void;

export function lastingListeners(doc: Document): Listen {
  const kept: [EventTarget, string, (e: Event) => void, AddEventListenerOptions][] = [];
  const addAll = () => {
    for (const [target, type, fn, opts] of kept) target.addEventListener(type, fn, opts);
  };
  new MutationObserver(addAll).observe(doc, { childList: true });
  return (target, type, fn, opts) => {
    kept.push([target, type, fn, opts]);
    target.addEventListener(type, fn, opts);
  };
}
