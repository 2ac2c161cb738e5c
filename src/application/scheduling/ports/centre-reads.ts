import type { Page } from '../../shared/page.js';
/** A centre as lists and lookups show it; never a loaded aggregate. */
export interface CentreView {
  id: number;
  name: string;
  city: string;
  address: string;
  phone: string | null;
  email: string | null;
  timezone: string;
  isActive: boolean;
  createdAt: Date;
}

export interface CentreListFilter {
  /** Matched case-insensitively against the whole city name. */
  city?: string;
  /** Only this centre (the caller's own, for centre-bound staff). */
  onlyCentreId?: number;
  includeInactive: boolean;
  page: number;
  limit: number;
}

/** The query side: deleted centres are never read here. */
export interface CentreReads {
  list(filter: CentreListFilter): Promise<Page<CentreView>>;
  byId(id: number): Promise<CentreView | null>;
}
