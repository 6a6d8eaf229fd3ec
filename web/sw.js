// Backprop Playground's service worker: once the stand-alone page (index.html) has loaded, it opens
// again offline. Registered only by that page (web/page.js), never inside an iframe or by mount(); its
// scope is the playground's own folder, and it answers only for the playground's own files there (by
// exact name), so a host's pages, even beside the playground or above it, never pass through it.
// Assets are fetched with ?v=<version> (version.json, derived from the built files), so each release
// has its own cache and a new release never mixes with an old cached one.
'use strict';
const PAGE = ['index.html', 'embed.js', 'page.js', 'page.css', 'version.json'];
const ASSETS = ['playground.js', 'playground.wasm'];
const folder = new URL('./', self.location.href);  // the folder sw.js sits in: the playground's

async function currentVersion() {
  const response = await fetch(new URL('version.json', folder), { cache: 'no-store' });
  return (await response.json()).version;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const version = await currentVersion();
    const cache = await caches.open('bp-' + version);
    await cache.addAll([...PAGE, ...ASSETS.map((name) => `${name}?v=${version}`)].map((name) => new URL(name, folder)));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const version = await currentVersion().catch(() => null);
    if (version) {
      for (const name of await caches.keys()) {
        if (name.startsWith('bp-') && name !== 'bp-' + version) await caches.delete(name);
      }
    }
    await self.clients.claim();
  })());
});

// The playground's own file a request is for ('index.html' for the folder itself), or '' for anything else.
function ownFile(url) {
  if (url.origin !== folder.origin || !url.pathname.startsWith(folder.pathname)) return '';
  const name = url.pathname.slice(folder.pathname.length) || 'index.html';
  return PAGE.includes(name) || ASSETS.includes(name) ? name : '';
}

// Versioned assets: from the cache (they never change under their URL). The page's files: the network
// first, so a new release shows at once, and the cache when offline. Anything else: not touched.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  const name = request.method === 'GET' ? ownFile(url) : '';
  if (!name) return;
  if (ASSETS.includes(name) && url.searchParams.has('v')) {
    event.respondWith((async () => {
      const cached = await caches.match(request);
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok) (await caches.open('bp-' + url.searchParams.get('v'))).put(request, response.clone());
      return response;
    })());
  } else if (PAGE.includes(name)) {
    const key = new URL(name, folder).href;  // the folder itself is cached as its index.html
    event.respondWith((async () => {
      try {
        const response = await fetch(request);
        if (response.ok) {
          for (const cacheName of await caches.keys()) {
            if (cacheName.startsWith('bp-')) (await caches.open(cacheName)).put(key, response.clone());
          }
        }
        return response;
      } catch (error) {
        const cached = await caches.match(key);
        if (cached) return cached;
        throw error;
      }
    })());
  }
});
