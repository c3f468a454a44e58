import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A request the server received. */
export interface ReceivedPost {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: IncomingHttpHeaders;
  readonly body: unknown;
  /** The status the server answered with. */
  readonly status: number;
}

/** How the server answers the n-th request (0-based). */
export type Answer = (index: number) => { status: number; body?: unknown };

/** A real HTTP server on loopback that records every request. */
export interface WebhookServer {
  readonly url: string;
  readonly received: ReceivedPost[];
  /** The requests answered with a 2xx status. */
  accepted(): ReceivedPost[];
  close(): Promise<void>;
}

/** Starts a server on 127.0.0.1 with a free port. */
export async function startWebhookServer(answer: Answer = () => ({ status: 200, body: { ok: true } })): Promise<WebhookServer> {
  const received: ReceivedPost[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const { status, body } = answer(received.length);
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      received.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, headers: req.headers, body: text ? JSON.parse(text) : undefined, status });
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(body === undefined ? '' : JSON.stringify(body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    received,
    accepted: () => received.filter((r) => r.status >= 200 && r.status < 300),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
