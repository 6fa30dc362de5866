// A notification is toasted once per browser, not once per tab: every client of the user hears it,
// the first visible one to claim it shows it. The claim is a Web Lock taken only if free (so two tabs
// deciding at the same moment cannot both win) guarding a short list in localStorage (so a tab that
// hears it later, after the lock is gone, sees it was shown).

const REMEMBERED = 50;
/** Long enough for every tab to have heard the same event over the BroadcastChannel. */
const HOLD_MS = 3_000;

interface Locks {
  request(name: string, options: { ifAvailable: boolean }, cb: (lock: unknown) => Promise<boolean> | boolean): Promise<boolean>;
}

function markShown(storageKey: string, id: string): boolean {
  let storage: Storage;
  try {
    storage = window.localStorage;
  } catch {
    return true; // No storage (blocked, sandboxed): this tab cannot know better, show it.
  }
  try {
    const shown = JSON.parse(storage.getItem(storageKey) ?? '[]') as unknown;
    const list = Array.isArray(shown) ? shown.filter((x): x is string => typeof x === 'string') : [];
    if (list.includes(id)) return false;
    storage.setItem(storageKey, JSON.stringify([...list, id].slice(-REMEMBERED)));
  } catch {
    // Full or corrupt storage: the lock alone decides.
  }
  return true;
}

/** Resolves true when this tab is the one to show notification `id` of the inbox `scope`. */
export function claimToast(scope: string, id: string): Promise<boolean> {
  const storageKey = `belfry:toasted:${scope}`;
  const locks = (typeof navigator !== 'undefined' ? (navigator as { locks?: Locks }).locks : undefined) ?? null;
  if (!locks) return Promise.resolve(markShown(storageKey, id));
  return new Promise<boolean>((resolve) => {
    locks
      .request(`belfry-toast:${scope}:${id}`, { ifAvailable: true }, (lock) => {
        const mine = !!lock && markShown(storageKey, id);
        resolve(mine);
        // Held a while, so a tab deciding at this moment finds it taken.
        return mine ? new Promise<boolean>((done) => setTimeout(() => done(true), HOLD_MS)) : false;
      })
      .catch(() => resolve(markShown(storageKey, id)));
  });
}
