import * as v from 'valibot';
import type { CreateCentreHandler } from '../../../../application/scheduling/commands/create-centre.js';
import type { DeleteCentreHandler } from '../../../../application/scheduling/commands/delete-centre.js';
import type { ToggleCentreActiveHandler } from '../../../../application/scheduling/commands/toggle-centre-active.js';
import type { UpdateCentreHandler } from '../../../../application/scheduling/commands/update-centre.js';
import type { GetCentreHandler } from '../../../../application/scheduling/queries/get-centre.js';
import type { ListCentresHandler } from '../../../../application/scheduling/queries/list-centres.js';
import { endpoint, type Endpoint } from '../../endpoint.js';
import { authErrors, messageOnly } from '../common-responses.js';
import {
  CentreData,
  CentreIdParams,
  CentreListQuery,
  CreateCentreBody,
  UpdateCentreBody,
} from './centre-schemas.js';
import { centreView } from './centre-view.js';

export interface CentreHandlers {
  list: ListCentresHandler;
  get: GetCentreHandler;
  create: CreateCentreHandler;
  update: UpdateCentreHandler;
  remove: DeleteCentreHandler;
  toggleActive: ToggleCentreActiveHandler;
}

const tag = 'Centres';
const readers = { kind: 'staff-or-patient', roles: 'any' } as const;
const denied = authErrors(['UNAUTHORIZED', 'INVALID_TOKEN', 'TOKEN_EXPIRED', 'FORBIDDEN']);
const byIdErrors = authErrors(['VALIDATION_ERROR', 'NOT_FOUND']);

export function centreRoutes(h: CentreHandlers): Endpoint[] {
  return [
    endpoint({
      method: 'GET',
      path: '/api/centres',
      tag,
      summary: 'List centres',
      description:
        'Active centres; ADMIN and MANAGER also see inactive ones. Staff tied to a centre see only theirs. `city` matches the whole name, in any case.',
      access: readers,
      rateLimit: 'general',
      query: CentreListQuery,
      responses: [
        { status: 200, description: 'Centres, with `meta` (page, limit, total)', data: v.array(CentreData) },
        ...authErrors(['VALIDATION_ERROR']),
        ...denied,
      ],
      handle: async ({ query, actor }) => {
        const { page, limit, city } = query;
        const result = await h.list.execute({ page, limit, ...(city !== undefined ? { city } : {}) }, actor);
        return { data: result.items.map(centreView), meta: { page, limit, total: result.total } };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/centres/:id',
      tag,
      summary: 'One centre',
      access: readers,
      rateLimit: 'general',
      params: CentreIdParams,
      responses: [{ status: 200, description: 'The centre', data: CentreData }, ...byIdErrors, ...denied],
      handle: async ({ params, actor }) => ({ data: centreView(await h.get.execute(params, actor)) }),
    }),
    endpoint({
      method: 'POST',
      path: '/api/centres',
      tag,
      summary: 'Create a centre',
      access: { kind: 'staff', roles: ['ADMIN', 'MANAGER'] },
      rateLimit: 'general',
      body: CreateCentreBody,
      responses: [
        { status: 201, description: 'Created', data: CentreData },
        ...authErrors(['VALIDATION_ERROR', 'DUPLICATE_ENTRY']),
        ...denied,
      ],
      handle: async ({ body }) => ({
        status: 201,
        message: 'Centre created successfully',
        data: centreView(await h.create.execute(body)),
      }),
    }),
    endpoint({
      method: 'PUT',
      path: '/api/centres/:id',
      tag,
      summary: 'Update a centre (any subset of its fields)',
      description: 'A CENTRE_MANAGER may update only their own centre.',
      access: { kind: 'staff', roles: ['ADMIN', 'MANAGER', 'CENTRE_MANAGER'] },
      rateLimit: 'general',
      params: CentreIdParams,
      body: UpdateCentreBody,
      responses: [
        { status: 200, description: 'Updated', data: CentreData },
        ...byIdErrors,
        ...authErrors(['DUPLICATE_ENTRY']),
        ...denied,
      ],
      handle: async ({ params, body, actor }) => ({
        message: 'Centre updated successfully',
        data: centreView(await h.update.execute({ id: params.id, changes: body }, actor)),
      }),
    }),
    endpoint({
      method: 'DELETE',
      path: '/api/centres/:id',
      tag,
      summary: 'Delete a centre (soft: its history stays)',
      access: { kind: 'staff', roles: ['ADMIN'] },
      rateLimit: 'general',
      params: CentreIdParams,
      responses: [messageOnly('Deleted'), ...byIdErrors, ...denied],
      handle: async ({ params, actor }) => {
        await h.remove.execute(params, actor);
        return { message: 'Centre deleted successfully' };
      },
    }),
    endpoint({
      method: 'PATCH',
      path: '/api/centres/:id/toggle-active',
      tag,
      summary: 'Activate or deactivate a centre',
      description: 'An inactive centre takes no new bookings; its appointments stay.',
      access: { kind: 'staff', roles: ['ADMIN', 'MANAGER'] },
      rateLimit: 'general',
      params: CentreIdParams,
      responses: [{ status: 200, description: 'Toggled', data: CentreData }, ...byIdErrors, ...denied],
      handle: async ({ params, actor }) => {
        const centre = await h.toggleActive.execute(params, actor);
        return {
          message: `Centre ${centre.isActive ? 'activated' : 'deactivated'} successfully`,
          data: centreView(centre),
        };
      },
    }),
  ];
}
