import type { CentreView } from '../../../../application/scheduling/ports/centre-reads.js';

/** The spec's centre shape, plus its time zone and creation time; the aggregate fits it too. */
export function centreView(centre: CentreView) {
  return {
    id: centre.id,
    name: centre.name,
    city: centre.city,
    address: centre.address,
    phone: centre.phone,
    email: centre.email,
    timezone: centre.timezone,
    isActive: centre.isActive,
    createdAt: centre.createdAt.toISOString(),
  };
}
