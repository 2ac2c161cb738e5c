import type { Container } from 'inversify';
import { CreateCentreHandler } from '../../application/scheduling/commands/create-centre.js';
import { DeleteCentreHandler } from '../../application/scheduling/commands/delete-centre.js';
import { ToggleCentreActiveHandler } from '../../application/scheduling/commands/toggle-centre-active.js';
import { UpdateCentreHandler } from '../../application/scheduling/commands/update-centre.js';
import { GetCentreHandler } from '../../application/scheduling/queries/get-centre.js';
import { ListCentresHandler } from '../../application/scheduling/queries/list-centres.js';
import { centreRoutes } from '../../adapters/http/routes/centres/centre-routes.js';
import { SqlCentreReads } from '../../adapters/persistence/reads/centre-reads.js';
import { MikroCentreRepository } from '../../adapters/persistence/repositories/mikro-centre-repository.js';
import { T } from '../tokens.js';

export function bindScheduling(c: Container): void {
  bindCentres(c);
}

function bindCentres(c: Container): void {
  c.bind(T.Centres)
    .toDynamicValue((x) => new MikroCentreRepository(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.CentreReads)
    .toDynamicValue((x) => new SqlCentreReads(x.get(T.Em)))
    .inSingletonScope();
  c.bind(T.ListCentres)
    .toDynamicValue((x) => new ListCentresHandler(x.get(T.CentreReads)))
    .inSingletonScope();
  c.bind(T.GetCentre)
    .toDynamicValue((x) => new GetCentreHandler(x.get(T.CentreReads)))
    .inSingletonScope();
  c.bind(T.CreateCentre)
    .toDynamicValue((x) => new CreateCentreHandler(x.get(T.Centres), x.get(T.UnitOfWork), x.get(T.Clock)))
    .inSingletonScope();
  c.bind(T.UpdateCentre)
    .toDynamicValue((x) => new UpdateCentreHandler(x.get(T.Centres), x.get(T.UnitOfWork), x.get(T.Clock)))
    .inSingletonScope();
  c.bind(T.DeleteCentre)
    .toDynamicValue((x) => new DeleteCentreHandler(x.get(T.Centres), x.get(T.UnitOfWork), x.get(T.Clock)))
    .inSingletonScope();
  c.bind(T.ToggleCentreActive)
    .toDynamicValue(
      (x) => new ToggleCentreActiveHandler(x.get(T.Centres), x.get(T.UnitOfWork), x.get(T.Clock)),
    )
    .inSingletonScope();
  c.bind(T.RouteGroups)
    .toDynamicValue((x) =>
      centreRoutes({
        list: x.get(T.ListCentres),
        get: x.get(T.GetCentre),
        create: x.get(T.CreateCentre),
        update: x.get(T.UpdateCentre),
        remove: x.get(T.DeleteCentre),
        toggleActive: x.get(T.ToggleCentreActive),
      }),
    )
    .inSingletonScope();
}
