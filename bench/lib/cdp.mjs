// Heap readings over the Chrome DevTools Protocol, always after a full GC so
// the numbers are live objects, not garbage awaiting collection.

/** Used JS heap (bytes) of a page, after a forced GC. */
export async function pageHeap(context, page) {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    return usedSize;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Used JS heap (bytes) of a page after a forced GC, and how much of it is compiled code: the
 * self sizes of the heap snapshot's "code" nodes (bytecode, optimised machine code and their
 * metadata). The optimising compilers add code as functions get hot, a one-time cost that
 * looks like growth per socket on a short run; the rest is what objects the page's heap keeps.
 */
export async function pageHeapParts(context, page) {
  const cdp = await context.newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.enable');
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    const chunks = [];
    cdp.on('HeapProfiler.addHeapSnapshotChunk', (e) => chunks.push(e.chunk));
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
    const { snapshot, nodes } = JSON.parse(chunks.join(''));
    const fields = snapshot.meta.node_fields;
    const code = snapshot.meta.node_types[0].indexOf('code');
    const [type, selfSize] = [fields.indexOf('type'), fields.indexOf('self_size')];
    let codeBytes = 0;
    for (let i = 0; i < nodes.length; i += fields.length)
      if (nodes[i + type] === code) codeBytes += nodes[i + selfSize];
    return { usedSize, codeBytes };
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Used JS heap (bytes) of the extension's service worker, after a forced GC.
 * Playwright gives no CDP session on a worker, so this attaches through the
 * browser session (non-flat mode) and relays the commands by message.
 */
export async function workerHeap(context, extensionId) {
  const cdp = await context.browser().newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets');
    const target = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(extensionId));
    if (!target) throw new Error('the extension service worker is not running');
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
    let id = 0;
    const waiting = new Map();
    cdp.on('Target.receivedMessageFromTarget', (e) => {
      const m = JSON.parse(e.message);
      waiting.get(m.id)?.(m);
    });
    const call = (method, params = {}) =>
      new Promise((resolve, reject) => {
        const i = ++id;
        waiting.set(i, (m) => (m.error ? reject(new Error(`${method}: ${m.error.message}`)) : resolve(m.result)));
        cdp
          .send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id: i, method, params }) })
          .catch(reject);
      });
    await call('HeapProfiler.collectGarbage');
    const { usedSize } = await call('Runtime.getHeapUsage');
    await cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
    return usedSize;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
