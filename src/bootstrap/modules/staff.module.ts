import type { Container } from 'inversify';
import { CreateStaffUserHandler } from '../../application/identity/staff/create-staff-user.js';
import { DeleteStaffUserHandler } from '../../application/identity/staff/delete-staff-user.js';
import { StaffQueries } from '../../application/identity/staff/staff-queries.js';
import { ToggleStaffActiveHandler } from '../../application/identity/staff/toggle-staff-active.js';
import { UpdateStaffUserHandler } from '../../application/identity/staff/update-staff-user.js';
import { userRoutes } from '../../adapters/http/routes/users/user-routes.js';
import { SqlStaffReads } from '../../adapters/persistence/reads/staff-reads.js';
import { T } from '../tokens.js';

/** Staff management: the /api/users handlers over the identity repositories, and their routes. */
export function bindStaff(c: Container): void {
  c.bind(T.StaffReads)
    .toDynamicValue((x) => new SqlStaffReads(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.StaffQueries)
    .toDynamicValue((x) => new StaffQueries(x.get(T.StaffReads)))
    .inSingletonScope();
  c.bind(T.CreateStaffUser)
    .toDynamicValue(
      (x) =>
        new CreateStaffUserHandler(
          x.get(T.StaffUsers),
          x.get(T.Centres),
          x.get(T.SecretHasher),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
        ),
    )
    .inSingletonScope();
  // The request authenticator forgets a changed account, so this process applies the change at once.
  c.bind(T.UpdateStaffUser)
    .toDynamicValue(
      (x) =>
        new UpdateStaffUserHandler(
          x.get(T.StaffUsers),
          x.get(T.RefreshSessions),
          x.get(T.Centres),
          x.get(T.SecretHasher),
          x.get(T.AuthenticateCaller),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
        ),
    )
    .inSingletonScope();
  c.bind(T.ToggleStaffActive)
    .toDynamicValue(
      (x) =>
        new ToggleStaffActiveHandler(
          x.get(T.StaffUsers),
          x.get(T.RefreshSessions),
          x.get(T.AuthenticateCaller),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
        ),
    )
    .inSingletonScope();
  c.bind(T.DeleteStaffUser)
    .toDynamicValue(
      (x) =>
        new DeleteStaffUserHandler(
          x.get(T.StaffUsers),
          x.get(T.RefreshSessions),
          x.get(T.AuthenticateCaller),
          x.get(T.UnitOfWork),
          x.get(T.Clock),
        ),
    )
    .inSingletonScope();
  c.bind(T.RouteGroups)
    .toDynamicValue((x) =>
      userRoutes({
        create: x.get(T.CreateStaffUser),
        update: x.get(T.UpdateStaffUser),
        toggle: x.get(T.ToggleStaffActive),
        remove: x.get(T.DeleteStaffUser),
        queries: x.get(T.StaffQueries),
      }),
    )
    .inSingletonScope();
}
