'use strict';
// npm run bench:risk — see bench-main.ts.
require('./register-ts');
require('./bench-main.ts');
