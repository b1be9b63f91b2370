import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The API server's default address; `npm start` listens there.
const API_SERVER = 'http://127.0.0.1:4000';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    rollupOptions: {
      output: {
        // Libraries change less often than the console: separate files stay cached across releases.
        manualChunks: (id) => {
          if (!id.includes('/node_modules/')) return undefined;
          if (id.includes('/@mantine/') || id.includes('/@floating-ui/')) return 'mantine';
          return 'vendor';
        },
      },
    },
  },
  server: {
    proxy: Object.fromEntries(
      ['/api', '/graphql', '/openapi.json', '/docs', '/healthz'].map((prefix) => [
        prefix,
        { target: API_SERVER, changeOrigin: false },
      ]),
    ),
  },
});
