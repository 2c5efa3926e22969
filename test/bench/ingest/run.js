'use strict';
// npm run bench:ingest — see bench-main.ts. The publisher child re-enters here with --publisher.
require('../../support/register-ts');
if (process.argv.includes('--publisher')) require('./publisher-process.ts');
else require('./bench-main.ts');
