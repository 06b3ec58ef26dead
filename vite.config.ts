import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Relative base: the same build is served from Electron's plenary://app/ and from browser mode.
export default defineConfig({
  root: 'renderer',
  base: './',
  publicDir: false,
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    // Inline scripts would need 'unsafe-inline' in the CSP; keep every asset a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
