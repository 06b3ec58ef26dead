// `npm run plenary` must work straight after `npm install` and always run the current code:
// the Node bundle is rebuilt every time (esbuild takes well under a second), the renderer
// (needed by `serve`) only when it has never been built.
import { execSync } from 'node:child_process';
import fs from 'node:fs';

execSync('node scripts/build-main.mjs', { stdio: 'inherit' });
if (!fs.existsSync('dist/renderer/index.html')) execSync('npx vite build --logLevel warn', { stdio: 'inherit' });
