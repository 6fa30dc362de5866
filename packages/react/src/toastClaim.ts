// A notification is toasted once per browser, not once per tab: every client of the user hears it,
// and the first visible tab to take its Web Lock shows it. The lock is taken only if free and kept a
// while, so tabs that hear it at the same moment or a little later (a follower reading its baseline
// first) find it taken. Without Web Locks each tab decides alone.

const HOLD_MS = 60_000;

interface Locks {
  request(name: string, options: { ifAvailable: boolean }, cb: (lock: unknown) => unknown): Promise<unknown>;
}

/** Resolves true when this tab is the one to show notification `id` of the inbox `scope`. */
export function claimToast(scope: string, id: string): Promise<boolean> {
  const locks = (navigator as { locks?: Locks }).locks;
  return new Promise((resolve) => {
    if (!locks) return resolve(true);
    locks
      .request(`belfry-toast:${scope}:${id}`, { ifAvailable: true }, (lock) => {
        resolve(!!lock);
        return lock && new Promise((done) => setTimeout(done, HOLD_MS));
      })
      .catch(() => resolve(true));
  });
}
