/**
 * A URL up to its query or fragment: what the knowledge base needs of a socket's URL (its host and
 * path). A URL parser ends the authority and the path at the first `?` or `#`, so host and path come
 * from that prefix alone, and sockets that differ only in their query (a token per connection) share
 * it. A cut prefix keeps a `?`: it marks that something followed, so trailing spaces, which a parser
 * trims only at the very end of the text, stay part of the path exactly as in the whole URL.
 */
export function urlUpToQuery(url: string): string {
  const q = url.indexOf('?');
  const h = url.indexOf('#');
  const cut = q < 0 ? h : h < 0 ? q : Math.min(q, h);
  return cut < 0 ? url : `${url.slice(0, cut)}?`;
}
