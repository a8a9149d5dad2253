/**
 * Backtrack's service worker (hand-written, a same-origin file, so the strict
 * CSP holds: no inline script). On install it caches the app shell: the
 * page and every built file listed in Vite's manifest. Pages are served
 * network-first with the cached shell as fallback; built files (hashed names)
 * cache-first; the API reads that today, the guided session and the check-in
 * need are network-first with the last answer as fallback, so they work
 * offline. Writes are never cached: check-ins made offline wait in the app's
 * queue (IndexedDB) and are sent when the network returns.
 */
const SHELL = 'backtrack-shell-v1';
const DATA = 'backtrack-data-v1';
const API_READS = [
  /^\/api\/auth\/me$/,
  /^\/api\/plans$/,
  /^\/api\/plans\/[^/]+$/,
  /^\/api\/exercises$/,
  /^\/api\/exercises\/[^/]+\/illustration\.svg$/,
  /^\/api\/stop-rules$/,
];

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(SHELL);
      const files = new Set(['/', '/manifest.webmanifest', '/icon-192.png']);
      try {
        const manifest = await (await fetch('/.vite/manifest.json', { cache: 'no-cache' })).json();
        for (const entry of Object.values(manifest)) {
          files.add(`/${entry.file}`);
          for (const css of entry.css ?? []) files.add(`/${css}`);
        }
      } catch {
        // No manifest (a development server): files are cached as they load.
      }
      await cache.addAll([...files]);
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) {
        if (key !== SHELL && key !== DATA) await caches.delete(key);
      }
      await self.clients.claim();
    })(),
  );
});

async function networkFirst(request, cacheName, fallbackUrl) {
  const cache = await caches.open(cacheName);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(fallbackUrl ?? request, response.clone());
    return response;
  } catch (error) {
    const cached = await cache.match(fallbackUrl ?? request);
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(SHELL);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await cache.put(request, response.clone());
  return response;
}

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    // Every page is the same app shell; the router draws the route.
    event.respondWith(networkFirst(request, SHELL, '/'));
  } else if (url.pathname.startsWith('/assets/')) {
    event.respondWith(cacheFirst(request));
  } else if (API_READS.some((re) => re.test(url.pathname))) {
    event.respondWith(networkFirst(request, DATA));
  }
});

self.addEventListener('message', (event) => {
  // Signing out forgets the cached health data.
  if (event.data === 'clear-data') event.waitUntil(caches.delete(DATA));
});
