/**
 * Where a top-frame socket's page had moved to: a single-page app changes its address (history.pushState,
 * a fragment) without a new document, and a socket records the address its page had when it was made.
 * The detail names that page when it is not the document's own address (its navigation mark): a frame's
 * sockets already name their frame's page, and a page that never moved says nothing new.
 */
import type { Connection, Recording } from '../../protocol/recording';

/** Each top document's address, by document id, from its navigation mark. */
export function documentUrls(rec: Recording | null | undefined): Map<string, string> {
  const urls = new Map<string, string>();
  for (const m of rec?.marks ?? []) if (m.type === 'navigation') urls.set(m.documentId, m.url);
  return urls;
}

/** The page a top-frame socket was made on, where it differs from its document's address; else undefined. */
export function movedPage(c: Connection, docs: Map<string, string>): string | undefined {
  if (c.frameId !== 0) return undefined;
  const doc = docs.get(c.documentId);
  return doc !== undefined && doc !== c.frameUrl ? c.frameUrl : undefined;
}
