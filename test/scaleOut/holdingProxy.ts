/**
 * A pass-through HTTP proxy that can hold one chosen request until the test lets it go: the way to stop a bot's
 * turn half-way (while it waits for Graph) at a known point, without sleeping or timing anything.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface HeldRequest {
  /** Resolves once the matching request has reached the proxy. */
  readonly arrived: Promise<void>;
  /** Forwards the held request. */
  release(): void;
}

export interface HoldingProxy {
  readonly url: string;
  /** Holds the next request for which `matches` is true; every other request passes straight through. */
  holdNext(matches: (method: string, path: string) => boolean): HeldRequest;
  close(): Promise<void>;
}

export async function startHoldingProxy(target: string): Promise<HoldingProxy> {
  const holds: { matches: (method: string, path: string) => boolean; arrive: () => void; released: Promise<void> }[] = [];
  const server = http.createServer((req, res) => {
    const method = req.method ?? 'GET';
    const path = req.url ?? '/';
    const index = holds.findIndex((hold) => hold.matches(method, path));
    const hold = index >= 0 ? holds.splice(index, 1)[0] : undefined;
    hold?.arrive();
    void (hold?.released ?? Promise.resolve()).then(() => {
      const upstream = http.request(new URL(path, target), { method, headers: req.headers }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      upstream.on('error', () => res.destroy());
      req.pipe(upstream);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    holdNext(matches) {
      let arrive = (): void => undefined;
      let release = (): void => undefined;
      const arrived = new Promise<void>((resolve) => (arrive = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      holds.push({ matches, arrive, released });
      return { arrived, release };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
