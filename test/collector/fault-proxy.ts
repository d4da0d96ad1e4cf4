/**
 * A fault-injecting HTTP proxy between kiosks and the collector. Each request takes the next
 * fault from the plan (then 'pass'): drop the connection before forwarding, answer 500
 * without forwarding, hang (the kiosk times out), or forward and then drop the connection
 * instead of the answer (the collector stored the batch; the kiosk never hears it), or forward
 * and hold the answer (the collector stored the batch; the kiosk is still waiting: the moment
 * to kill it).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type Fault = 'pass' | 'drop' | 'error500' | 'hang' | 'lose-answer' | 'hold-answer' | 'down';

export interface FaultProxy {
  readonly url: string;
  /** Faults for the next requests, in order. */
  plan: Fault[];
  /** Where requests go (changes when the collector restarts on another port). */
  target: string;
  /** Fault applied when the plan is empty (e.g. 'down' for an outage). */
  fallback: Fault;
  /** What happened to each request. */
  readonly log: Fault[];
  /** Answers held back by 'hold-answer' (the collector has already stored those batches). */
  held: number;
  close(): Promise<void>;
}

export async function startFaultProxy(target: string): Promise<FaultProxy> {
  const hanging = new Set<http.ServerResponse>();
  const proxy: FaultProxy = {
    url: '',
    plan: [],
    target,
    fallback: 'pass',
    log: [],
    held: 0,
    close: () => Promise.resolve(),
  };
  const server = http.createServer((req, res) => {
    const fault = proxy.plan.shift() ?? proxy.fallback;
    proxy.log.push(fault);
    if (fault === 'drop' || fault === 'down') {
      req.socket.destroy();
      return;
    }
    if (fault === 'error500') {
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"injected"}');
      return;
    }
    if (fault === 'hang') {
      hanging.add(res);
      return;
    }
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const forward = http.request(
        `${proxy.target}${req.url ?? '/'}`,
        { method: req.method, headers: req.headers },
        (answer) => {
          const body: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => body.push(chunk));
          answer.on('end', () => {
            if (fault === 'lose-answer') {
              req.socket.destroy();
              return;
            }
            if (fault === 'hold-answer') {
              hanging.add(res);
              proxy.held += 1;
              return;
            }
            res.writeHead(answer.statusCode ?? 502, answer.headers).end(Buffer.concat(body));
          });
        },
      );
      forward.on('error', () => req.socket.destroy());
      forward.end(Buffer.concat(chunks));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return Object.assign(proxy, {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close(() => {
          resolve();
        });
      }),
  });
}
