import * as migration_20261125_085221_initial from './20261125_085221_initial';

export const migrations = [
  {
    up: migration_20261125_085221_initial.up,
    down: migration_20261125_085221_initial.down,
    name: '20261125_085221_initial'
  },
];
