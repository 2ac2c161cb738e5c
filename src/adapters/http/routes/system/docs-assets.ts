import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { extname, join } from 'node:path';

/**
 * Swagger UI runs from our own origin only: scripts and styles from files, the document fetched
 * from `/api/openapi.json`. It sets styles through the DOM, which CSP allows, so no
 * `'unsafe-inline'` is needed (the browser test fails on any CSP violation); its icons are `data:`.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export const DOCS_PAGE = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>Mibo API reference</title>
    <link rel="stylesheet" href="/api/docs/swagger-ui.css" />
    <link rel="stylesheet" href="/api/docs/index.css" />
    <link rel="icon" type="image/png" href="/api/docs/favicon-32x32.png" sizes="32x32" />
  </head>
  <body>
    <div id="swagger-ui"></div>
    <script src="/api/docs/swagger-ui-bundle.js"></script>
    <script src="/api/docs/init.js"></script>
  </body>
</html>
`;

// validatorUrl: null keeps Swagger UI from sending the document to validator.swagger.io.
const INIT_JS = `window.addEventListener('load', function () {
  window.ui = SwaggerUIBundle({
    url: '/api/openapi.json',
    dom_id: '#swagger-ui',
    deepLinking: true,
    validatorUrl: null,
  });
});
`;

const PACKAGE_FILES = new Set([
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'favicon-32x32.png',
  'index.css',
]);

export interface DocsAsset {
  type: string;
  body: Buffer;
}

// The package's own locator; its main module would load the 1.5 MB bundle into the server.
const packageDir = (createRequire(import.meta.url)('swagger-ui-dist/absolute-path.js') as () => string)();
const loaded = new Map<string, Promise<DocsAsset>>();

/** An allowlisted asset, read once and kept in memory; `undefined` for any other name. */
export function docsAsset(name: string): Promise<DocsAsset> | undefined {
  if (name !== 'init.js' && !PACKAGE_FILES.has(name)) return undefined;
  let asset = loaded.get(name);
  if (!asset) {
    const type = extname(name);
    asset =
      name === 'init.js'
        ? Promise.resolve({ type, body: Buffer.from(INIT_JS) })
        : readFile(join(packageDir, name)).then((body) => ({ type, body }));
    asset.catch(() => loaded.delete(name));
    loaded.set(name, asset);
  }
  return asset;
}
