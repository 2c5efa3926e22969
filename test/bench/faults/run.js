'use strict';
// npm run bench:faults — see bench-main.ts. The fleet child re-enters here with --fleet.
require('../../support/register-ts');
if (process.argv.includes('--fleet')) require('./fleet-process.ts');
else require('./bench-main.ts');
