// Resolves the @luoshi/* aliases to the compiled files under dist/server at run time.
const path = require('node:path');
const tsconfigPaths = require('tsconfig-paths');
const { compilerOptions } = require('../tsconfig.base.json');

tsconfigPaths.register({ baseUrl: path.join(__dirname, '..', 'dist', 'server'), paths: compilerOptions.paths });
