'use strict';
// Lets plain `node` run the TypeScript sources with the installed @swc/core (CommonJS, Nest
// decorator metadata kept) and maps @fleet/telemetry/* and @fleet/simulator/* to their
// sources as vitest does. Shared by every `npm run bench:*` and `npm run eval:risk`.
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { transformSync } = require('@swc/core');

const root = resolve(__dirname, '../..');
const aliases = [
  ['@fleet/telemetry/', join(root, 'libs/telemetry/src')],
  ['@fleet/simulator/', join(root, 'apps/simulator/src')],
];

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  for (const [prefix, dir] of aliases) {
    if (request.startsWith(prefix))
      return resolveFilename.call(this, join(dir, request.slice(prefix.length)), ...rest);
  }
  return resolveFilename.call(this, request, ...rest);
};

Module._extensions['.ts'] = function (module, filename) {
  const { code } = transformSync(readFileSync(filename, 'utf8'), {
    filename,
    sourceMaps: 'inline',
    module: { type: 'commonjs', ignoreDynamic: true },
    jsc: {
      target: 'es2022',
      parser: { syntax: 'typescript', decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
    },
  });
  module._compile(code, filename);
};
