import { defineConfig } from 'vite';

// The participant companion: a page of its own (vanilla TypeScript, no framework), built beside
// the renderer into dist/companion, which the companion server serves under /c/<token>/. A
// relative base keeps its assets under the token's path.
export default defineConfig({
  root: 'renderer/companion',
  base: './',
  publicDir: false,
  build: {
    outDir: '../../dist/companion',
    emptyOutDir: true,
    target: ['chrome100', 'safari15', 'firefox100'],
    // Inline scripts would need 'unsafe-inline' in the page's CSP; keep every asset a file.
    assetsInlineLimit: 0,
    modulePreload: { polyfill: false },
  },
});
