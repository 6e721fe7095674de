// A small HTTP server on 127.0.0.1 for the demo, the end-to-end tests and the page benchmark.
// Serves files from a list of roots (first match wins) and pages that a test registers in memory.
// Everything is served as UTF-8: three corpus pages declare no charset.
import { createServer, type Server } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface StaticServer {
  origin: string;
  /** Serves `body` at `path` (e.g. "/changed.html") until replaced; `type` defaults to HTML. */
  set(path: string, body: string, type?: string): void;
  /** Every path requested so far, in order. */
  requests: string[];
  close(): Promise<void>;
}

export async function startStaticServer(roots: string[]): Promise<StaticServer> {
  const absoluteRoots = roots.map((root) => resolve(root));
  const memory = new Map<string, { body: string; type: string }>();
  const requests: string[] = [];

  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    requests.push(path);
    const inMemory = memory.get(path);
    if (inMemory) {
      res.writeHead(200, { 'content-type': inMemory.type, 'cache-control': 'no-store' });
      res.end(inMemory.body);
      return;
    }
    for (const root of absoluteRoots) {
      const file = join(root, normalize(path).replace(/^(\.\.[/\\])+/, ''));
      if (!file.startsWith(root)) continue;
      const target = existsSync(file) && statSync(file).isDirectory() ? join(file, 'index.html') : file;
      if (existsSync(target) && statSync(target).isFile()) {
        res.writeHead(200, {
          'content-type': TYPES[extname(target).toLowerCase()] ?? 'application/octet-stream',
          'cache-control': 'no-store',
        });
        res.end(readFileSync(target));
        return;
      }
    }
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('not found');
  });

  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('server has no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    set(path, body, type = 'text/html; charset=utf-8') {
      memory.set(path, { body, type });
    },
    requests,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}
