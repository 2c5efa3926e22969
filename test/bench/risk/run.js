'use strict';
// npm run bench:risk — see bench-main.ts.
require('../../support/register-ts');
require('./bench-main.ts');
