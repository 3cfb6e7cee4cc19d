#!/usr/bin/env node
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const built = path.join(__dirname, '..', 'dist', 'cli.cjs');
if (!fs.existsSync(built)) {
  console.error('tiltfolio: the CLI is not built yet; run `npm install` (or `npm run build`) in the project folder.');
  process.exit(1);
}
require(built);
