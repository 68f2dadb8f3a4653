/**
 * Row 4's server, in its own process so it does not share the clients' event loop: a
 * node:http server on loopback (keep-alive) that checks each request — method, path,
 * auth, content type, body — and answers with a Cloudflare envelope. A request that
 * differs gets a 400 envelope, so a contestant doing less work fails instead of winning.
 * Prints its port on stdout; stops on SIGTERM.
 */
import http from "node:http";
import { PATH, REQUEST_BODY, RESPONSE_BODY, TOKEN } from "./requests-shared.js";

const FAILURE = JSON.stringify({ success: false, errors: [{ code: 1000, message: "unexpected request" }], messages: [], result: null });

const server = http.createServer((req, res) => {
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (chunk: string) => (body += chunk));
  req.on("end", () => {
    const ok =
      req.method === "PUT" &&
      req.url === PATH &&
      req.headers.authorization === `Bearer ${TOKEN}` &&
      /^application\/json\b/.test(req.headers["content-type"] ?? "") &&
      body === REQUEST_BODY;
    if (!ok) process.stderr.write(`unexpected request: ${req.method} ${req.url} ${JSON.stringify(req.headers)} ${body}\n`);
    const payload = ok ? RESPONSE_BODY : FAILURE;
    res.writeHead(ok ? 200 : 400, {
      "content-type": "application/json",
      "content-length": Buffer.byteLength(payload),
      "cf-ray": "8c0ffee0000000-LHR",
    });
    res.end(payload);
  });
});
server.keepAliveTimeout = 120_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.stdout.write(`${typeof address === "object" && address ? address.port : 0}\n`);
});
process.on("SIGTERM", () => server.close(() => process.exit(0)));
