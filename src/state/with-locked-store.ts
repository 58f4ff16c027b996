import { acquireLock } from './lock.js';
import type { AcquireLockOptions } from './lock.js';
import { openStateStore } from './state-store.js';
import type { StateStore } from './state-store.js';

// The one sequence every writer of the state follows: take the lock, open the store (folding a journal
// a killed run left), run, then close the store and release the lock, whatever happened in between.
export async function withLockedStore<T>(
  statePath: string,
  lockOptions: AcquireLockOptions,
  onWarning: (warning: string) => void,
  run: (store: StateStore) => Promise<T>,
): Promise<T> {
  const lock = await acquireLock(statePath, lockOptions);
  try {
    const store = await openStateStore(statePath);
    try {
      for (const warning of store.loaded.warnings) onWarning(warning);
      return await run(store);
    } finally {
      await store.close();
    }
  } finally {
    await lock.release();
  }
}
