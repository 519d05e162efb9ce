import { createServer } from 'node:http';

/**
 * The floors' bare HTTP layer: JSON in and out, scope from `x-bench-role`/`x-bench-user`
 * (no auth), `route(method, url, role, userId, body)` → `[status, payload]` (sync or async).
 * `close` releases the database when the driver stops the floor.
 */
export function serveFloor(route, close) {
  const server = createServer((request, response) => {
    const chunks = [];
    request.on('data', (chunk) => chunks.push(chunk));
    request.on('end', async () => {
      let status = 500;
      let payload;
      try {
        const url = new URL(request.url, 'http://floor');
        const role = request.headers['x-bench-role'] ?? 'admin';
        const userId = Number(request.headers['x-bench-user'] ?? 1);
        const body = chunks.length > 0 ? JSON.parse(Buffer.concat(chunks).toString()) : {};
        [status, payload] = await route(request.method, url, role, userId, body);
      } catch (error) {
        payload = { message: String(error) };
      }
      const text = JSON.stringify(payload);
      response.writeHead(status, {
        'content-type': 'application/json; charset=utf-8',
        'content-length': Buffer.byteLength(text),
      });
      response.end(text);
    });
  });
  server.keepAliveTimeout = 60_000;
  server.listen(Number(process.env.PORT), '127.0.0.1');
  process.on('SIGTERM', async () => {
    server.close();
    server.closeAllConnections();
    await close();
    process.exit(0);
  });
}
