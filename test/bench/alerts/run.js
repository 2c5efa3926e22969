'use strict';
// npm run bench:alerts — see bench-main.ts. Runs the TypeScript sources with the shared @swc/core hook.
require('../../support/register-ts');
require('./bench-main.ts');
