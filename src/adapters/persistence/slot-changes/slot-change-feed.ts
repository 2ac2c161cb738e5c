/** The channel the migration's triggers notify (see Migration20261125000012SlotChangeNotifications). */
export const SLOT_CHANGES_CHANNEL = 'mibo_slot_changes';

/** A clinician whose slots may have changed, or `all` (a centre changed, or changes may have been missed). */
export type SlotChange = number | 'all';

/**
 * Committed changes to slot inputs, as PostgreSQL reports them. While `ready` is false, changes may
 * be missed: a cache must neither serve nor fill, and is told `all` when the feed becomes ready again.
 */
export interface SlotChangeFeed {
  readonly ready: boolean;
  onChange(listener: (change: SlotChange) => void): void;
  /** Called after each transaction this process commits (see ServerSlotChangeFeed). */
  localCommit(): void;
  stop(): Promise<void>;
}

export function parseSlotChange(payload: string | undefined): SlotChange {
  const id = Number(payload);
  return Number.isInteger(id) && id > 0 ? id : 'all';
}

/** Fan-out shared by the feeds: a listener that throws never stops the others. */
export class SlotChangeListeners {
  private readonly listeners: Array<(change: SlotChange) => void> = [];

  add(listener: (change: SlotChange) => void): void {
    this.listeners.push(listener);
  }

  emit(change: SlotChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change);
      } catch {
        // a cache's bookkeeping error must not break the feed; its TTL still bounds staleness
      }
    }
  }
}
