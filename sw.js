// Backprop Playground's service worker: once the page has loaded, it keeps working offline.
// Assets are fetched with ?v=<version> (dist/version.json, derived from the built files), so each
// release has its own cache entries and a new release never mixes with an old cached one.
'use strict';
const SHELL = ['./', 'index.html', 'web/embed.js', 'web/page.js', 'web/page.css', 'dist/version.json'];

async function currentVersion() {
  const response = await fetch('dist/version.json', { cache: 'no-store' });
  return (await response.json()).version;
}

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const version = await currentVersion();
    const cache = await caches.open('bp-' + version);
    await cache.addAll([...SHELL, `dist/playground.js?v=${version}`, `dist/playground.wasm?v=${version}`]);
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

// Versioned assets: from the cache (they never change under their URL). Everything else: the
// network first, so a new release shows at once, and the cache when offline.
self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (url.searchParams.has('v')) {
    event.respondWith((async () => {
      const cached = await caches.match(request);
      if (cached) return cached;
      const response = await fetch(request);
      if (response.ok) {
        const cache = await caches.open('bp-' + url.searchParams.get('v'));
        cache.put(request, response.clone());
      }
      return response;
    })());
    return;
  }
  event.respondWith((async () => {
    try {
      const response = await fetch(request);
      if (response.ok && SHELL.some((path) => url.pathname.endsWith(path.replace('./', '/')))) {
        for (const name of await caches.keys()) {
          if (name.startsWith('bp-')) (await caches.open(name)).put(request, response.clone());
        }
      }
      return response;
    } catch (error) {
      const cached = await caches.match(request, { ignoreSearch: true });
      if (cached) return cached;
      throw error;
    }
  })());
});
