// Runs async work one at a time per key, so a check-then-write (is this e-mail taken? then insert)
// cannot interleave with another one for the same key inside this process.

export type KeyedLock = <R>(key: string, work: () => Promise<R>) => Promise<R>;

export function createKeyedLock(): KeyedLock {
  const tails = new Map<string, Promise<unknown>>();
  return (key, work) => {
    const previous = tails.get(key) ?? Promise.resolve();
    // The next one runs after the previous one settles, whether it succeeded or not.
    const result = previous.then(work, work);
    const tail = result.then(
      () => undefined,
      () => undefined,
    );
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return result;
  };
}
