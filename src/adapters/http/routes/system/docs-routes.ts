import * as v from 'valibot';
import { endpoint, publicAccess, type Endpoint } from '../../endpoint.js';
import { RouteNotFoundError } from '../../http-errors.js';
import { buildOpenApiDocument, type ApiInfo } from '../../openapi.js';
import { DOCS_CSP, DOCS_PAGE, docsAsset } from './docs-assets.js';

const tag = 'System';

/**
 * The API reference: the OpenAPI document and Swagger UI, served from the npm package. The endpoint
 * list is read on the first request, so routes registered after these are documented too.
 */
export function docsRoutes(getEndpoints: () => Endpoint[], info: ApiInfo): Endpoint[] {
  let documentJson: string | undefined;
  return [
    endpoint({
      method: 'GET',
      path: '/api/openapi.json',
      tag,
      summary: 'OpenAPI 3.1 document of this API (plain JSON, not in the envelope)',
      access: publicAccess,
      rateLimit: 'none',
      raw: true,
      responses: [{ status: 200, description: 'OpenAPI document' }],
      handle: async ({ koa }) => {
        documentJson ??= JSON.stringify(buildOpenApiDocument(getEndpoints(), info));
        koa.type = 'application/json';
        koa.body = documentJson;
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/docs',
      tag,
      summary: 'Interactive API reference (Swagger UI)',
      access: publicAccess,
      rateLimit: 'none',
      raw: true,
      responses: [{ status: 200, description: 'HTML page' }],
      handle: async ({ koa }) => {
        koa.set('Content-Security-Policy', DOCS_CSP);
        koa.type = 'text/html; charset=utf-8';
        koa.body = DOCS_PAGE;
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/docs/:asset',
      tag,
      summary: "The reference page's scripts, styles and icon",
      access: publicAccess,
      rateLimit: 'none',
      raw: true,
      params: v.object({ asset: v.string() }),
      responses: [
        { status: 200, description: 'Static file' },
        { status: 404, description: 'NOT_FOUND' },
      ],
      handle: async ({ koa, params }) => {
        const pending = docsAsset(params.asset);
        if (!pending) throw new RouteNotFoundError();
        const asset = await pending;
        koa.set('Content-Security-Policy', DOCS_CSP);
        koa.set('Cache-Control', 'public, max-age=86400');
        koa.type = asset.type;
        koa.body = asset.body;
      },
    }),
  ];
}
