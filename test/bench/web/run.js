'use strict';
// npm run bench:web — see bench-main.ts. Runs the TypeScript sources with the ingest bench's @swc/core hook.
require('../ingest/register-ts');
require('./bench-main.ts');
