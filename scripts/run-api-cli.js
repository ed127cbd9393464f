#!/usr/bin/env node
// `npm run import -- <file>` and `npm run sweep -- [--now ISO]`: the API's command line, built first if stale.
const { join } = require('node:path');
const { buildIfStale, RULES, API } = require('./build-if-stale');

buildIfStale(RULES);
buildIfStale(API);
require(join(__dirname, '..', 'apps', 'api', 'dist', 'cli.js'));
