'use strict';
// npm run eval:risk — see eval-main.ts.
require('../bench/risk/register-ts');
require('reflect-metadata');
require('./eval-main.ts');
