'use strict';
// npm run bench:reports — see bench-main.ts. Runs the TypeScript sources with the shared @swc/core hook.
require('../../support/register-ts');
require('./bench-main.ts');
