import * as v from 'valibot';
import type { StaffRoleId } from '../../../../domain/identity/role.js';
import { endpoint, type Endpoint } from '../../endpoint.js';
import { authErrors } from '../common-responses.js';
import { adminOnly, adminOrManager, staffErrors, tag, type UserHandlers } from './user-access.js';
import { userCreateRoutes } from './user-create-routes.js';
import { UpdateStaffUserBody, UserIdParams, UserListQuery } from './user-schemas.js';
import { UserData, userView } from './user-view.js';

/** `/api/users`: the spec's ten staff management endpoints. */
export function userRoutes(h: UserHandlers): Endpoint[] {
  return [
    endpoint({
      method: 'GET',
      path: '/api/users',
      tag,
      summary: 'Staff accounts, filtered by role and centre',
      access: adminOnly,
      rateLimit: 'general',
      query: UserListQuery,
      responses: [{ status: 200, description: 'Staff accounts', data: v.array(UserData) }, ...staffErrors],
      handle: async ({ query, actor }) => {
        const { items, total } = await h.queries.list(query, actor);
        return { data: items.map(userView), meta: { page: query.page, limit: query.limit, total } };
      },
    }),
    endpoint({
      method: 'GET',
      path: '/api/users/:id',
      tag,
      summary: 'One staff account',
      access: adminOnly,
      rateLimit: 'general',
      params: UserIdParams,
      responses: [{ status: 200, description: 'Staff account', data: UserData }, ...staffErrors],
      handle: async ({ params, actor }) => ({ data: userView(await h.queries.get(params.id, actor)) }),
    }),
    ...userCreateRoutes(h),
    endpoint({
      method: 'PUT',
      path: '/api/users/:id',
      tag,
      summary: "Edit a staff account's details, password, role, centre or active state",
      description:
        'ADMIN edits any account; MANAGER any but ADMIN and MANAGER accounts. Nobody changes their own role or deactivates themselves. A new password signs the account out everywhere.',
      access: adminOrManager,
      rateLimit: 'general',
      params: UserIdParams,
      body: UpdateStaffUserBody,
      responses: [
        { status: 200, description: 'Updated', data: UserData },
        ...staffErrors,
        ...authErrors(['DUPLICATE_ENTRY']),
      ],
      handle: async ({ params, body, actor }) => {
        const { roleId, ...rest } = body;
        const changes = Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined));
        await h.update.execute(
          params.id,
          { ...changes, ...(roleId !== undefined ? { roleId: roleId as StaffRoleId } : {}) },
          actor,
        );
        return {
          message: 'User updated successfully',
          data: userView(await h.queries.get(params.id, actor)),
        };
      },
    }),
    endpoint({
      method: 'DELETE',
      path: '/api/users/:id',
      tag,
      summary: 'Remove a staff account (soft delete; signed out everywhere)',
      access: adminOnly,
      rateLimit: 'general',
      params: UserIdParams,
      responses: [
        { status: 200, description: 'Deleted' },
        ...staffErrors,
        ...authErrors(['INVALID_STATE_TRANSITION']),
      ],
      handle: async ({ params, actor }) => {
        await h.remove.execute(params.id, actor);
        return { message: 'User deleted successfully' };
      },
    }),
    endpoint({
      method: 'PATCH',
      path: '/api/users/:id/toggle-active',
      tag,
      summary: 'Activate or deactivate a staff account (deactivating signs it out everywhere)',
      access: adminOrManager,
      rateLimit: 'general',
      params: UserIdParams,
      responses: [{ status: 200, description: 'Toggled', data: UserData }, ...staffErrors],
      handle: async ({ params, actor }) => {
        const active = await h.toggle.execute(params.id, actor);
        const data = userView(await h.queries.get(params.id, actor));
        return { message: active ? 'User activated successfully' : 'User deactivated successfully', data };
      },
    }),
  ];
}
