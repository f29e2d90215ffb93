// A TCP port free on 127.0.0.1 at the moment of asking: the OS picks one for a probe server,
// which closes again at once. Shared by the Firefox launcher (its debugger server) and the tests
// that must know a server's port before it starts (a dev server restarted on the same port).
import { createServer } from 'node:net';

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}
