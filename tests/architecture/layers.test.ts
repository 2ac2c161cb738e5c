import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it, expect } from 'vitest';
import { checkImports, findImports, formatViolation } from './import-rules.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Repository-relative paths (forward slashes) of every TypeScript file under `folder`. */
function typeScriptFiles(folder: string): string[] {
  const absolute = path.join(root, folder);
  if (!existsSync(absolute)) return [];
  return readdirSync(absolute, { recursive: true, encoding: 'utf8' })
    .filter((name) => /\.[cm]?tsx?$/.test(name))
    .map((name) => path.posix.join(folder, name.split(path.sep).join('/')))
    .sort();
}

describe('layer rule (ARCHITECTURE.md)', () => {
  it('src/domain, src/application, src/adapters and the rest of src import only what their layer allows', () => {
    const files = typeScriptFiles('src');
    expect(files.filter((file) => file.startsWith('src/domain/')).length).toBeGreaterThan(0);
    expect(files.filter((file) => file.startsWith('src/application/')).length).toBeGreaterThan(0);

    const violations = files.flatMap((file) =>
      checkImports(file, readFileSync(path.join(root, file), 'utf8')).map(formatViolation),
    );

    expect(violations, `layer violations:\n${violations.join('\n')}`).toEqual([]);
  });
});

describe('import checker', () => {
  it('refuses a framework import in the domain and reports file and line', () => {
    const source = "// the aggregate\nimport { Koa } from 'koa';\n";

    const violations = checkImports('src/domain/booking/appointment.ts', source);

    expect(violations).toHaveLength(1);
    expect(formatViolation(violations[0]!)).toMatch(/^src\/domain\/booking\/appointment\.ts:2 imports 'koa'/);
  });

  it('finds static, side-effect, type-only, re-exported and dynamic imports, but not comments or strings', () => {
    const source = [
      "import a from 'a';",
      "import 'b';",
      "import type { C } from 'c';",
      "export { d } from 'd';",
      "export * from 'e';",
      "const f = await import('f');",
      "type G = import('g').G;",
      "// import h from 'h';",
      'const text = "import i from \'i\'";',
      '/* export * from "j"; */',
    ].join('\n');

    expect(findImports(source)).toEqual([
      { specifier: 'a', line: 1 },
      { specifier: 'b', line: 2 },
      { specifier: 'c', line: 3 },
      { specifier: 'd', line: 4 },
      { specifier: 'e', line: 5 },
      { specifier: 'f', line: 6 },
      { specifier: 'g', line: 7 },
    ]);
  });

  it.each([
    [
      'src/domain/booking/appointment.ts',
      "import type { Clock } from '../../application/shared/ports/clock.js';",
    ],
    ['src/domain/booking/appointment.ts', "import { randomUUID } from 'node:crypto';"],
    ['src/domain/shared/money.ts', "import '../../adapters/persistence/types/money-type.js';"],
    ['src/application/booking/commands/book.ts', "const v = await import('valibot');"],
    [
      'src/application/booking/commands/book.ts',
      "export { loadConfig } from '../../../bootstrap/config.js';",
    ],
    ['src/application/booking/commands/book.ts', "import type { Knex } from '@mikro-orm/postgresql';"],
    ['src/adapters/http/app.ts', "import { loadConfig } from '../../bootstrap/config.js';"],
    ['src/adapters/http/app.ts', "import { Container } from 'inversify';"],
  ])('refuses %s: %s', (file, source) => {
    expect(checkImports(file, source)).toHaveLength(1);
  });

  it.each([
    ['src/domain/booking/appointment.ts', "import { DomainError } from '../shared/domain-error.js';"],
    [
      'src/application/booking/commands/book.ts',
      "import type { Appointment } from '../../../domain/booking/appointment.js';",
    ],
    ['src/application/booking/commands/book.ts', "import type { Clock } from '../../shared/ports/clock.js';"],
    ['src/adapters/http/app.ts', "import Koa from 'koa';"],
    ['src/bootstrap/container.ts', "import { Container } from 'inversify';"],
    ['tests/support/test-app.ts', "import { Container } from 'inversify';"],
  ])('allows %s: %s', (file, source) => {
    expect(checkImports(file, source)).toEqual([]);
  });
});
