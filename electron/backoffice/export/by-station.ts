/** Reading the tallies' two-level records (station, then scenario or form) in a stable order. */

/** Every [station, key, value] of a two-level record, stations and keys sorted. */
export function byStation<T>(record: Record<string, Record<string, T>>): [string, string, T][] {
  return Object.keys(record)
    .sort()
    .flatMap((sceneId) =>
      Object.entries(record[sceneId] ?? {})
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, value]): [string, string, T] => [sceneId, key, value]),
    );
}
