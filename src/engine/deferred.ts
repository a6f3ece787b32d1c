/**
 * A speed-up built after `createChecker` returns rather than before: when the process is next
 * idle (the caller schedules `build`), or on the `after`-th request if it never is (a tight batch
 * loop never yields). Until then `peek` returns null and the caller takes its slower path with
 * identical answers, so cold starts don't pay for structures that only matter at volume.
 */
export interface Deferred<T> {
  /** The value once built; counts the request and builds it on the `after`-th. */
  peek(): T | null;
  /** Builds the value now if it is not built yet. */
  build(): T;
}

export function deferred<T>(make: () => T, after: number): Deferred<T> {
  let value: T | null = null;
  let calls = 0;
  const build = (): T => (value ??= make());
  return {
    peek: () => value ?? (++calls >= after ? build() : null),
    build,
  };
}
