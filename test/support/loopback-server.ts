/**
 * A real HTTP server on 127.0.0.1 whose answers each test scripts, recording every request
 * exactly as received. Tests use it instead of mocking fetch.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";

export interface RecordedRequest {
  readonly method: string;
  /** `req.url` exactly as received: the raw path and query, nothing decoded. */
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
  /** ms since the server started, when the request's body had been received. */
  readonly at: number;
}

export type Handler = (req: IncomingMessage, res: ServerResponse, recorded: RecordedRequest) => void;

export interface LoopbackServer {
  /** e.g. http://127.0.0.1:40123 */
  readonly origin: string;
  readonly requests: RecordedRequest[];
  /** Request n is answered by handlers[n]; the last handler answers every later request. */
  reply(...handlers: Handler[]): void;
  /** Destroys open sockets (hanging requests included) and stops listening. */
  close(): Promise<void>;
}

const open = new Set<LoopbackServer>();

export async function startLoopbackServer(...handlers: Handler[]): Promise<LoopbackServer> {
  const sockets = new Set<Socket>();
  const requests: RecordedRequest[] = [];
  let script = handlers;
  const started = performance.now();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const recorded: RecordedRequest = {
        method: req.method ?? "",
        url: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: performance.now() - started,
      };
      requests.push(recorded);
      const handler = script[Math.min(requests.length, script.length) - 1];
      if (handler) handler(req, res, recorded);
      else json(599, { note: "no scripted answer" })(req, res, recorded);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const loopback: LoopbackServer = {
    origin: `http://127.0.0.1:${port}`,
    requests,
    reply: (...next) => {
      script = next;
    },
    close: async () => {
      open.delete(loopback);
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  open.add(loopback);
  return loopback;
}

/** For afterEach: closes every server started since. */
export async function closeLoopbackServers(): Promise<void> {
  await Promise.all([...open].map((server) => server.close()));
}

// ───────── scripted answers ─────────

export function text(status: number, body: string, headers: Record<string, string> = {}): Handler {
  return (_req, res) => {
    res.writeHead(status, { "content-type": "text/plain", ...headers });
    res.end(body);
  };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Handler {
  return text(status, JSON.stringify(body), { "content-type": "application/json", ...headers });
}

/** A Cloudflare success envelope around `result`. */
export function envelope(result: unknown, headers: Record<string, string> = {}): Handler {
  return json(200, { success: true, errors: [], messages: [], result }, headers);
}

/** A Cloudflare failure envelope. */
export function failure(status: number, errors: { code: number; message: string }[], headers: Record<string, string> = {}): Handler {
  return json(status, { success: false, errors, messages: [], result: null }, headers);
}

/** Never answers; the socket stays open until the client gives up or the server closes. */
export const hang: Handler = () => {};

/** Sends the status line, headers and part of the body, then resets the connection. */
export function resetMidBody(status = 200): Handler {
  return (_req, res) => {
    res.writeHead(status, { "content-type": "application/json", "content-length": "1000" });
    res.write('{"success":true,"result":{"behav', () => setTimeout(() => res.socket?.destroy(), 5));
  };
}

/** Answers with `handler` after `ms`. */
export function delayed(ms: number, handler: Handler): Handler {
  return (req, res, recorded) => {
    const timer = setTimeout(() => handler(req, res, recorded), ms);
    res.on("close", () => clearTimeout(timer));
  };
}
