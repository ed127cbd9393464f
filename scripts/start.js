#!/usr/bin/env node
// `npm start`: build what is stale (rules, API, H5), then run the API with the H5 app at `/`.
const { join } = require('node:path');
const { buildIfStale, RULES, API, H5 } = require('./build-if-stale');

buildIfStale(RULES);
buildIfStale(API);
buildIfStale(H5);
require(join(__dirname, '..', 'apps', 'api', 'dist', 'main.js'));
