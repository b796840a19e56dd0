/** Serves the built renderer on 127.0.0.1 with the app's CSP, as the app:// protocol does in Electron. */
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { extname, normalize, resolve, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
};

/**
 * Built files whose names carry their content's hash may be kept by the browser, as the
 * app:// protocol lets Electron keep compiled code between starts (its `codeCache`
 * privilege); everything else, index.html first, is read afresh each time.
 */
const HASHED_ASSET = /^assets\/[^/]+-[A-Za-z0-9_-]{8}\.(?:js|css|woff2)$/;

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Answers a request before the files do; false passes it on. */
export type RouteHandler = (request: IncomingMessage, response: ServerResponse) => boolean;

export async function serveDirectory(root: string, port = 0, route?: RouteHandler): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer((request, response) => {
    if (route?.(request, response)) return;
    void (async () => {
      const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      // Chromium asks a web page for its icon (Electron's window does not): nothing, not a 404.
      if (pathname === '/favicon.ico') {
        response.writeHead(204).end();
        return;
      }
      const relative = pathname === '/' ? 'index.html' : pathname.slice(1);
      const file = normalize(resolve(base, relative));
      if (file !== base && !file.startsWith(base + sep)) {
        response.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        response.writeHead(200, {
          'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
          'Content-Security-Policy': CONTENT_SECURITY_POLICY,
          'X-Content-Type-Options': 'nosniff',
          'Cache-Control': HASHED_ASSET.test(relative) ? 'public, max-age=31536000, immutable' : 'no-store',
        });
        response.end(body);
      } catch {
        response.writeHead(404, { 'Content-Type': 'text/plain' }).end('not found');
      }
    })();
  });
  await new Promise<void>((done) => server.listen(port, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
