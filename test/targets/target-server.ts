/**
 * The loopback server the targets talk to: like test/support/loopback-server.ts (scripted
 * answers, every API request recorded as received), and it also serves the page and the
 * bundle the Chromium target loads, so that the page and the API share one origin, as a
 * browser app and its backend would (no CORS in the way of what is tested).
 */
import { createServer } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { json, type Handler, type RecordedRequest } from "../support/loopback-server.js";

export interface TargetServer {
  readonly origin: string;
  /** API requests only: not the page's own. */
  readonly requests: RecordedRequest[];
  /** Request n is answered by handlers[n]; the last answers every later one. */
  reply(...handlers: Handler[]): void;
  close(): Promise<void>;
}

/** `files`: path → [content type, body], served as they are. */
export async function startTargetServer(files: Record<string, readonly [string, string]> = {}): Promise<TargetServer> {
  const sockets = new Set<Socket>();
  const requests: RecordedRequest[] = [];
  let script: Handler[] = [];
  const started = performance.now();
  const server = createServer((req, res) => {
    const file = Object.hasOwn(files, req.url ?? "") ? files[req.url!] : undefined;
    if (file) return void res.writeHead(200, { "content-type": file[0] }).end(file[1]);
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks).toString("utf8");
      const recorded = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body, at: performance.now() - started };
      requests.push(recorded);
      (script[Math.min(requests.length, script.length) - 1] ?? json(599, { note: "no scripted answer" }))(req, res, recorded);
    });
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    reply: (...next) => void ((script = next), (requests.length = 0)),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** An origin on 127.0.0.1 where nothing listens: a port just freed. */
export async function refusedOrigin(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
