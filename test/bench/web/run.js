'use strict';
// npm run bench:web — see bench-main.ts. Runs the TypeScript sources with the ingest bench's @swc/core hook.
require('../../support/register-ts');
require('./bench-main.ts');
