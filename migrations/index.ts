import { Migration20261125000001Identity } from './Migration20261125000001Identity.js';

/** Every migration, in order: listed statically because glob discovery fails under vitest. */
export const migrationsList = [
  { name: 'Migration20261125000001Identity', class: Migration20261125000001Identity },
];
