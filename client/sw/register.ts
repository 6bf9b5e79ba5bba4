/**
 * Registers the service worker that keeps the app shell for offline reloads (service-worker.ts).
 *
 * Only in the built app: the vite dev server has no sw.js, and a worker caching dev modules
 * would serve stale code. Browsers allow service workers only in a secure context (https, or
 * http on localhost); on a plain-http LAN address there is simply no offline reload.
 */
export function registerServiceWorker(): void {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  // After the page has loaded, so that caching the shell does not compete with the first load.
  const register = () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // No offline reload on this device (e.g. storage disabled); the app works as before.
    })
  }
  if (document.readyState === 'complete') register()
  else window.addEventListener('load', register, { once: true })
}
