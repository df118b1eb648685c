// Every migration class of this directory, exported under its own name (./index.ts lists them
// by these names). scripts/create-migration.ts adds a new one here.

export { Migration20261124232100 } from './Migration20261124232100.js';
export { Migration20261125021940 } from './Migration20261125021940.js';
export { Migration20261125024511 } from './Migration20261125024511.js';
export { Migration20261202074500 } from './Migration20261202074500.js';
export { Migration20261202074723 } from './Migration20261202074723.js';
export { Migration20261202090000 } from './Migration20261202090000.js';
export { Migration20261202090710 } from './Migration20261202090710.js';
export { Migration20261202102651 } from './Migration20261202102651.js';
export { Migration20261202153056 } from './Migration20261202153056.js';
export { Migration20261202161842 } from './Migration20261202161842.js';
export { Migration20261203061555 } from './Migration20261203061555.js';
export { Migration20261203062302 } from './Migration20261203062302.js';
export { Migration20261203063243 } from './Migration20261203063243.js';
export { Migration20261203071433 } from './Migration20261203071433.js';
export { Migration20261203100821 } from './Migration20261203100821.js';
export { Migration20261204100000 } from './Migration20261204100000.js';
