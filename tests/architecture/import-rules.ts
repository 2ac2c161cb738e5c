import path from 'node:path';
import ts from 'typescript';

/**
 * The layer rule of ARCHITECTURE.md as a pure function over one file's text, so the rule itself can be
 * tested on synthetic files. Paths are repository-relative with forward slashes (`src/domain/x.ts`).
 */

export interface ImportReference {
  specifier: string;
  line: number;
}

export interface Violation {
  file: string;
  line: number;
  specifier: string;
  reason: string;
}

/** `src` is a file elsewhere under src/; `outside` is anything else (tests, bench, migrations). */
type Layer = 'domain' | 'application' | 'adapters' | 'bootstrap' | 'src' | 'outside';

/** Every module specifier the file names: static and side-effect imports, re-exports, `import()`,
 * `import('x').T` types and `require('x')`; `import type` counts like any other import. */
export function findImports(source: string, fileName = 'file.ts'): ImportReference[] {
  const sourceFile = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const found: ImportReference[] = [];
  const add = (literal: ts.Node) => {
    if (!ts.isStringLiteralLike(literal)) return;
    const { line } = sourceFile.getLineAndCharacterOfPosition(literal.getStart(sourceFile));
    found.push({ specifier: literal.text, line: line + 1 });
  };
  const visit = (node: ts.Node): void => {
    if (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) {
      if (node.moduleSpecifier) add(node.moduleSpecifier);
    } else if (ts.isImportEqualsDeclaration(node) && ts.isExternalModuleReference(node.moduleReference)) {
      add(node.moduleReference.expression);
    } else if (ts.isCallExpression(node) && isImportOrRequire(node.expression) && node.arguments[0]) {
      add(node.arguments[0]);
    } else if (ts.isImportTypeNode(node) && ts.isLiteralTypeNode(node.argument)) {
      add(node.argument.literal);
    }
    ts.forEachChild(node, visit);
  };
  visit(sourceFile);
  return found;
}

function isImportOrRequire(callee: ts.Expression): boolean {
  return (
    callee.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(callee) && callee.text === 'require')
  );
}

function layerOf(file: string): Layer {
  const match = /^src\/(?:(domain|application|adapters|bootstrap)\/)?/.exec(file);
  if (!match) return 'outside';
  return (match[1] as Layer | undefined) ?? 'src';
}

function isInside(target: string, folder: string): boolean {
  return target === folder || target.startsWith(`${folder}/`);
}

function isInversify(specifier: string): boolean {
  return /^(inversify|@inversifyjs\/[^/]+)(\/|$)/.test(specifier);
}

/** The violations in one file; `file` is repository-relative (`src/domain/booking/appointment.ts`). */
export function checkImports(file: string, source: string): Violation[] {
  const normalised = file.split(path.sep).join('/');
  const layer = layerOf(normalised);
  const violations: Violation[] = [];
  for (const { specifier, line } of findImports(source, normalised)) {
    const reason = reasonToRefuse(normalised, layer, specifier);
    if (reason) violations.push({ file: normalised, line, specifier, reason });
  }
  return violations;
}

function reasonToRefuse(file: string, layer: Layer, specifier: string): string | undefined {
  const relative = /^\.\.?(\/|$)/.test(specifier);
  const target = relative
    ? path.posix.normalize(path.posix.join(path.posix.dirname(file), specifier))
    : undefined;

  if (layer === 'domain' || layer === 'application') {
    if (!target) return `${layer} may import only relative paths, not packages or builtins`;
    const allowed = layer === 'domain' ? ['src/domain'] : ['src/domain', 'src/application'];
    if (!allowed.some((folder) => isInside(target, folder))) {
      return `${layer} may import only from ${allowed.join(' or ')}, not ${target}`;
    }
    return undefined;
  }
  if (layer === 'adapters' && target && isInside(target, 'src/bootstrap')) {
    return 'adapters may not import from src/bootstrap';
  }
  if (layer !== 'bootstrap' && layer !== 'outside' && isInversify(specifier)) {
    return 'only src/bootstrap may import inversify';
  }
  return undefined;
}

export function formatViolation(violation: Violation): string {
  return `${violation.file}:${violation.line} imports '${violation.specifier}': ${violation.reason}`;
}
