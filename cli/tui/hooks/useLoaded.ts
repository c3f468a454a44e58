import { useEffect, useState } from 'react';

/**
 * The value of `load()` while `active`, read again whenever `version` changes; undefined
 * until the first read finishes. The last value is kept while a new read runs, so a
 * refresh never blanks a screen.
 */
export function useLoaded<T>(active: boolean, version: number, load: () => Promise<T>, onError: (error: unknown) => void): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    if (!active) return;
    let live = true;
    load().then((v) => live && setValue(() => v), (e: unknown) => live && onError(e));
    return () => {
      live = false;
    };
    // `load` is a new closure each render; what it reads is keyed by `active` and `version`.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active, version, onError]);
  return value;
}
