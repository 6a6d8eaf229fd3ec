// A small static server for the playground on 127.0.0.1. No packages.
//   node scripts/serve.mjs [--port N] [--site DIR]   (default port 8080, or $PORT; the next free port if taken)
// With --site (scripts/serve.sh passes dist/site) it serves that folder as it would be published, and web/demo/
// at /demo/. Without it, the development view the tests use: the site as the sources make it (index.html and web/'s files with
// the build's dist/ files beside them, so an edit to web/embed.js shows without a build), at / and again at /web/;
// dist/, docs/ and the browser tests' fixtures under their own paths.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.png': 'image/png', '.json': 'application/json',
  '.md': 'text/plain; charset=utf-8', '.svg': 'image/svg+xml',
};
const PAGE_FILE = /\.(html|js|mjs|css|png|svg|json|wasm)$/;

// The file (absolute path) a development-view path names, or null.
function developmentFile(pathname) {
  const rest = pathname.replace(/^\/web\//, '/').slice(1) || 'index.html';
  if (!PAGE_FILE.test(rest)) return null;
  if (rest === 'index.html') return path.join(repo, 'index.html');  // the stand-alone page, at the top level
  if (!rest.includes('/')) {  // a top-level name: the page's own file, else a built one
    const source = path.join(repo, 'web', rest);
    return fs.existsSync(source) ? source : path.join(repo, 'dist', rest);
  }
  return path.join(repo, 'web', rest);
}

// [URL prefix, folder] pairs served as they are, first match wins.
function developmentFolders() {
  return [['/dist/', path.join(repo, 'dist')], ['/docs/', path.join(repo, 'docs')],
          ['/tests/browser/fixtures/', path.join(repo, 'tests/browser/fixtures')]];
}

// options.site: a folder served at / (nothing else). options.folders: more [URL prefix, folder] pairs, checked
// first (the hosting tests serve dist/site at /course/widgets/). options.headers: added to every response
// (a CORS header for the other-origin tests), or a function of the request's URL returning them.
export function createServer(options = {}) {
  const own = options.site ? [['/', path.resolve(options.site)]] : developmentFolders();
  const folders = [...(options.folders || []), ...own];
  return http.createServer((request, response) => {
    let url, pathname;
    try {
      url = new URL(request.url, 'http://localhost');
      pathname = decodeURIComponent(url.pathname);
    } catch {
      response.writeHead(400).end('bad request');
      return;
    }
    if (pathname.endsWith('/')) pathname += 'index.html';
    let file = null;
    const folder = folders.find(([prefix]) => pathname.startsWith(prefix));
    if (folder) {
      file = path.join(folder[1], path.normalize('/' + pathname.slice(folder[0].length)));
      if (!file.startsWith(folder[1] + path.sep)) file = null;
    } else if (!options.site) {
      file = developmentFile(path.posix.normalize(pathname));
    }
    const extra = typeof options.headers === 'function' ? options.headers(url) : options.headers || {};
    if (!file) {
      response.writeHead(404, extra).end('not found');
      return;
    }
    fs.readFile(file, (error, data) => {
      if (error) {
        response.writeHead(404, extra).end('not found');
        return;
      }
      response.writeHead(200, {
        'Content-Type': TYPES[path.extname(file)] || 'application/octet-stream',
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
        ...extra,
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
  const flag = (name) => { const at = process.argv.indexOf(name); return at > 0 ? process.argv[at + 1] : undefined; };
  const wanted = Number(flag('--port') || process.env.PORT || 8080);
  const site = flag('--site');
  // Beside the published folder, the demo course page (web/demo/, which loads ../embed.js) at /demo/.
  const folders = site ? [['/demo/', path.join(repo, 'web/demo')]] : [];
  const port = await listen(createServer({ site, folders }), wanted);
  console.log(`Backprop Playground${site ? ' (' + site + ')' : ''}: http://127.0.0.1:${port}/` +
              (site ? `  (two instances on a course page: http://127.0.0.1:${port}/demo/two-instances.html)` : ''));
}
