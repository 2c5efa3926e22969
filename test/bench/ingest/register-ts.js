'use strict';
// Lets plain `node` run the TypeScript sources (apps/api, libs/telemetry, test/support) with the
// installed @swc/core: compiles each .ts file to CommonJS on require, keeping Nest's decorator
// metadata, and maps `@fleet/telemetry/<file>` to the library's sources as vitest does.
const Module = require('node:module');
const { readFileSync } = require('node:fs');
const { join, resolve } = require('node:path');
const { transformSync } = require('@swc/core');

const root = resolve(__dirname, '../../..');
const telemetrySrc = join(root, 'libs/telemetry/src');

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (request.startsWith('@fleet/telemetry/')) {
    return resolveFilename.call(this, join(telemetrySrc, request.slice('@fleet/telemetry/'.length)), ...rest);
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
