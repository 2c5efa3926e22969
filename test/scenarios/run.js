'use strict';
// npm run eval:risk — see eval-main.ts.
require('../support/register-ts');
require('reflect-metadata');
require('./eval-main.ts');
