'use strict';
// npm run bench:scale — see run.ts. The terminal-connection children re-enter here with --connections.
require('../../support/register-ts');
if (process.argv.includes('--connections')) require('./terminal-connections.ts');
else require('./run.ts');
