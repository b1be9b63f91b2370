/*
 * Pandora's service worker: shows the web pushes the server sends (src/notifications/push/
 * sender.ts: { title, body, url, tag }) and opens the console page a notification is about.
 * Served from the site's root (Vite copies web/public as is), so its scope is the console.
 */
self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));

self.addEventListener('push', (event) => {
  let data = {};
  try {
    data = event.data ? event.data.json() : {};
  } catch {
    data = { body: event.data ? event.data.text() : '' };
  }
  const title = data.title || 'Pandora';
  event.waitUntil(
    self.registration.showNotification(title, {
      body: data.body || '',
      // The notification id: a resent push replaces the one shown instead of adding another.
      tag: data.tag,
      renotify: false,
      requireInteraction: data.severity === 'error',
      data: { url: data.url || '/' },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const target = new URL(event.notification.data?.url || '/', self.location.origin);
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
      // A console tab already open on this origin is reused: focused, then sent to the page.
      const open = windows.find((client) => new URL(client.url).origin === target.origin);
      if (open) {
        await open.focus();
        if ('navigate' in open && open.url !== target.href) await open.navigate(target.href);
        return;
      }
      await self.clients.openWindow(target.href);
    })(),
  );
});
