import type * as v from 'valibot';
import type { CreateStaffUser } from '../../../../application/identity/staff/create-staff-user.js';
import type { StaffActor } from '../../../../application/shared/actor.js';
import { Roles, type StaffRoleId, type StaffRoleName } from '../../../../domain/identity/role.js';
import { endpoint, type Endpoint } from '../../endpoint.js';
import { authErrors } from '../common-responses.js';
import { adminOnly, staffErrors, tag, type UserHandlers } from './user-access.js';
import {
  CreateCentreManagerBody,
  CreateCentreStaffBody,
  CreateManagerBody,
  CreateStaffUserBody,
} from './user-schemas.js';
import { UserData, userView } from './user-view.js';

const createdResponses = [
  { status: 201, description: 'Created', data: UserData },
  ...staffErrors,
  ...authErrors(['DUPLICATE_ENTRY']),
];

/** What every create body gives: the account, and a centre for the roles tied to one. */
type Account = v.InferOutput<typeof CreateManagerBody> & { centreId?: number | null };

/** The generic create and one create per role, as the spec lists them (CLINICIANs: /api/clinicians). */
export function userCreateRoutes(h: UserHandlers): Endpoint[] {
  const created = async (input: CreateStaffUser, actor: StaffActor) => {
    const id = await h.create.execute(input, actor);
    return userView(await h.queries.get(id, actor));
  };
  const roleRoute = <S extends v.GenericSchema<unknown, Account>>(
    path: string,
    role: Exclude<StaffRoleName, 'CLINICIAN'>,
    label: string,
    body: S,
    roles: readonly StaffRoleName[],
  ) =>
    endpoint({
      method: 'POST',
      path,
      tag,
      summary: `Create a ${label} account`,
      access: { kind: 'staff', roles },
      rateLimit: 'general',
      body,
      responses: createdResponses,
      handle: async ({ body: account, actor }) => {
        const { centreId, ...rest } = account as Account;
        const data = await created({ ...rest, centreId: centreId ?? null, roleId: Roles[role] }, actor);
        const message = `${label[0]!.toUpperCase()}${label.slice(1)} created successfully`;
        return { status: 201, message, data };
      },
    });

  return [
    endpoint({
      method: 'POST',
      path: '/api/users',
      tag,
      summary: 'Create a staff account of any role but CLINICIAN',
      description: 'Clinicians are created with their profile through POST /api/clinicians.',
      access: adminOnly,
      rateLimit: 'general',
      body: CreateStaffUserBody,
      responses: createdResponses,
      handle: async ({ body, actor }) => {
        const data = await created({ ...body, roleId: body.roleId as StaffRoleId }, actor);
        return { status: 201, message: 'User created successfully', data };
      },
    }),
    roleRoute('/api/users/managers', 'MANAGER', 'manager', CreateManagerBody, ['ADMIN']),
    roleRoute('/api/users/centre-managers', 'CENTRE_MANAGER', 'centre manager', CreateCentreManagerBody, [
      'ADMIN',
    ]),
    roleRoute('/api/users/care-coordinators', 'CARE_COORDINATOR', 'care coordinator', CreateCentreStaffBody, [
      'ADMIN',
    ]),
    roleRoute('/api/users/front-desk', 'FRONT_DESK', 'front desk staff', CreateCentreStaffBody, [
      'ADMIN',
      'MANAGER',
    ]),
  ];
}
