#!/usr/bin/env node
// The installed `plenary` command: runs the bundled CLI built by `npm run build`.
require('../dist/main/cli.cjs');
