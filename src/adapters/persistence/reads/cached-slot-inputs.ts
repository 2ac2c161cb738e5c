import type { SlotInputs, SlotInputsReads } from '../../../application/scheduling/ports/slot-inputs.js';
import type { LocalDate } from '../../../domain/scheduling/local-date.js';
import type { SlotChange, SlotChangeFeed } from '../slot-changes/slot-change-feed.js';

export interface SlotCacheOptions {
  /** Safety net: an entry is re-read after this long even if no change was reported. */
  ttlMs: number;
  maxEntries: number;
  /** Milliseconds for the TTL (injectable for tests); Date.now by default. */
  clock?: () => number;
}

interface Entry {
  inputs: SlotInputs;
  clinicianId: number;
  expiresAt: number;
}

/**
 * Slot inputs per (clinician, centre, date), kept while PostgreSQL's change feed says they are
 * unchanged. Holds are cached with their expiry, so an expired hold frees its slot with no write:
 * the caller filters taken time by its own `now`. Never serves or fills while the feed is not ready,
 * and never stores a read that a change reported during it may have made stale.
 */
export class CachedSlotInputs implements SlotInputsReads {
  /** Insertion order is recency order: a hit moves its entry to the end, the first one is evicted. */
  private readonly entries = new Map<string, Entry>();
  private readonly keysByClinician = new Map<number, Set<string>>();
  /** Counts reported changes; a read may be stored only if nothing it depends on changed since it began. */
  private changes = 0;
  private lastFlush = 0;
  private readonly lastChangeOf = new Map<number, number>();
  private readonly now: () => number;

  constructor(
    private readonly inner: SlotInputsReads,
    private readonly feed: SlotChangeFeed,
    private readonly options: SlotCacheOptions,
  ) {
    this.now = options.clock ?? Date.now;
    feed.onChange((change) => this.forget(change));
  }

  get size(): number {
    return this.entries.size;
  }

  async load(
    clinicianId: number,
    centreId: number | undefined,
    date: LocalDate,
    now: Date,
  ): Promise<SlotInputs> {
    if (!this.feed.ready) return this.inner.load(clinicianId, centreId, date, now);
    const key = `${clinicianId}:${centreId ?? ''}:${date.toString()}`;
    const entry = this.entries.get(key);
    const at = this.now();
    if (entry !== undefined) {
      if (entry.expiresAt > at) {
        this.entries.delete(key);
        this.entries.set(key, entry);
        return entry.inputs;
      }
      this.drop(key, entry.clinicianId);
    }
    const began = this.changes;
    const inputs = await this.inner.load(clinicianId, centreId, date, now);
    if (this.feed.ready && this.lastFlush <= began && (this.lastChangeOf.get(clinicianId) ?? 0) <= began) {
      this.store(key, { inputs, clinicianId, expiresAt: at + this.options.ttlMs });
    }
    return inputs;
  }

  private store(key: string, entry: Entry): void {
    const previous = this.entries.get(key);
    if (previous !== undefined) this.drop(key, previous.clinicianId);
    this.entries.set(key, entry);
    let keys = this.keysByClinician.get(entry.clinicianId);
    if (keys === undefined) this.keysByClinician.set(entry.clinicianId, (keys = new Set()));
    keys.add(key);
    while (this.entries.size > this.options.maxEntries) {
      const [oldest, old] = this.entries.entries().next().value as [string, Entry];
      this.drop(oldest, old.clinicianId);
    }
  }

  private drop(key: string, clinicianId: number): void {
    this.entries.delete(key);
    const keys = this.keysByClinician.get(clinicianId);
    keys?.delete(key);
    if (keys?.size === 0) this.keysByClinician.delete(clinicianId);
  }

  private forget(change: SlotChange): void {
    this.changes += 1;
    if (change === 'all') {
      this.lastFlush = this.changes;
      this.lastChangeOf.clear();
      this.entries.clear();
      this.keysByClinician.clear();
      return;
    }
    this.lastChangeOf.set(change, this.changes);
    for (const key of this.keysByClinician.get(change) ?? []) this.entries.delete(key);
    this.keysByClinician.delete(change);
  }
}
