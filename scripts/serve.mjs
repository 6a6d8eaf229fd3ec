// A small static server for the playground: the page, dist/ and web/, on 127.0.0.1. No packages.
// Usage: node scripts/serve.mjs [--port N]   (default 8080, or $PORT; the next free port if taken)
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.png': 'image/png', '.json': 'application/json',
  '.md': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml',
};
const SERVED = [/^\/index\.html$/, /^\/sw\.js$/, /^\/dist\/[\w.-]+$/, /^\/web\/[\w./-]+\.(js|mjs|css|html|png|svg)$/, /^\/docs\/[\w./-]+$/, /^\/tests\/browser\/fixtures\/[\w.-]+$/];

export function createServer() {
  return http.createServer((request, response) => {
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
    } catch {
      response.writeHead(400).end('bad request');
      return;
    }
    if (pathname === '/') pathname = '/index.html';
    const file = path.join(root, path.normalize(pathname));
    if (!file.startsWith(root + path.sep) || !SERVED.some((pattern) => pattern.test(pathname))) {
      response.writeHead(404).end('not found');
      return;
    }
    fs.readFile(file, (error, data) => {
      if (error) {
        response.writeHead(404).end('not found');
        return;
      }
      response.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      response.end(data);
    });
  });
}

// Listens on `port`, or the next free one; resolves to the port in use.
export function listen(server, port) {
  return new Promise((resolve, reject) => {
    server.once('error', (error) => {
      if (error.code === 'EADDRINUSE' && port < 65535) resolve(listen(server, port + 1));
      else reject(error);
    });
    server.listen(port, '127.0.0.1', () => resolve(server.address().port));
  });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const flag = process.argv.indexOf('--port');
  const wanted = Number(flag > 0 ? process.argv[flag + 1] : process.env.PORT || 8080);
  const port = await listen(createServer(), wanted);
  console.log(`Backprop Playground: http://127.0.0.1:${port}/`);
}
