#!/usr/bin/env node
// Runs first in `npm start`, `npm test`, `npm run start:browser` and `npm run dev`: refuses, with
// the way out, a Node.js older than package.json's "engines". On an older Node the SQLite driver
// crashes the process on load (a segmentation fault, no message at all), so saying it here is the
// only chance to say it clearly.
//
// Plain CommonJS with no dependencies and old syntax on purpose: it must run on any Node that
// someone still has installed (Node 20 is the default of several Linux distributions).
'use strict';
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS, so any old Node runs it */

var fs = require('fs');
var path = require('path');

var FALLBACK_MINIMUM = '22.14.0';

function parse(version) {
  var match = /(\d+)\.(\d+)\.(\d+)/.exec(String(version));
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null;
}

function atLeast(actual, minimum) {
  for (var i = 0; i < 3; i++) {
    if (actual[i] !== minimum[i]) return actual[i] > minimum[i];
  }
  return true;
}

/** The minimum from package.json's "engines.node" (">=22.14.0"), so there is one place to change it. */
function minimumVersion() {
  try {
    var manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
    var range = manifest.engines && manifest.engines.node;
    var match = /^\s*>=\s*v?(\d+\.\d+\.\d+)\s*$/.exec(range || '');
    if (match) return match[1];
  } catch {
    // Fall through to the built-in minimum.
  }
  return FALLBACK_MINIMUM;
}

var minimum = minimumVersion();
var actual = parse(process.versions.node);
if (actual && atLeast(actual, parse(minimum))) process.exit(0);

var major = minimum.split('.')[0];
var home = process.platform === 'win32' ? '%USERPROFILE%' : '~';
var binDir = process.platform === 'win32' ? home + '\\.node' + major + '\\node_modules\\.bin' : home + '/.node' + major + '/node_modules/.bin';
var pathLine =
  process.platform === 'win32'
    ? '      set PATH=' + binDir + ';%PATH%'
    : '      export PATH=' + binDir + ':$PATH';
var lines = [
  '',
  'Rapport needs Node.js ' + minimum + ' or newer (this is Node ' + process.version + ', ' + process.execPath + ').',
  '',
  'Get Node.js ' + major + ' in one of these ways, then run the command again:',
  '  - the installer from https://nodejs.org (the LTS version);',
  '  - without admin rights, with the npm you already have:',
  '      npm install --prefix ' + home + '/.node' + major + ' node@' + major,
  pathLine,
  '  - with a version manager: nvm install ' + major + '  (or: fnm install ' + major + ', volta install node@' + major + ').',
  '',
];
process.stderr.write(lines.join('\n') + '\n');
process.exit(1);
