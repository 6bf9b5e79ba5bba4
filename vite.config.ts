/// <reference types="vitest/config" />
import { defineConfig } from 'vite'
import react from '@vitejs/plugin-react'
import { serviceWorkerPlugin } from './client/sw/build-plugin.ts'

// The client is built into dist/ and served by our own hono server (server/http/static.ts).
// In development, vite proxies the API and the room WebSockets to that server.
const serverPort = Number(process.env.PORT ?? 8787)

export default defineConfig({
  root: 'client',
  publicDir: false,
  // The service worker (dist/sw.js) keeps the app shell for offline reloads (client/sw/).
  plugins: [react(), serviceWorkerPlugin()],
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 4000,
  },
  // @tldraw/assets' vite entry imports files by URL; pre-bundling it breaks `vite` dev.
  optimizeDeps: { exclude: ['@tldraw/assets'] },
  server: {
    proxy: {
      '^/api/': `http://127.0.0.1:${serverPort}`,
      '^/ws/': { target: `ws://127.0.0.1:${serverPort}`, ws: true },
    },
  },
  test: {
    root: '.',
    include: ['test/**/*.test.ts', 'shared/**/*.test.ts', 'server/**/*.test.ts', 'client/**/*.test.{ts,tsx}'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
})
