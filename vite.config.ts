import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is one React app with several surfaces (/kiosk, /desk, …), built to dist/renderer
// and served by the hub (HTTP) or the Electron app scheme. `base: '/'` so deep surface paths
// load their assets from the root.
export default defineConfig({
  root: 'renderer',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:4280', ws: true } },
  },
});
