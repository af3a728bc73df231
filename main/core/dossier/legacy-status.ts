/**
 * Timelines written before migration 0014 in the national status names, by the migration's own rule:
 * 'accepted' is 'received'; 'rejected' is 'refused' on a dossier not received earlier in its timeline,
 * else 'stopped'; 'sent' is no current status (the latest national one of the timeline, or what the
 * reception says). For manifests (manifest.ts) written by an older version and read back after it: their
 * rows would otherwise fail the timeline's CHECK and the dossier would not come back.
 */
type Row = Record<string, unknown>;

export function nationalEvents<T extends Row>(events: readonly T[]): T[] {
  let received = false;
  return events.map((e) => {
    const status = e.status;
    const national =
      status === 'accepted'
        ? 'received'
        : status === 'rejected'
          ? received
            ? 'stopped'
            : 'refused'
          : status;
    if (status === 'received' || status === 'accepted') received = true;
    return national === status ? e : { ...e, status: national };
  });
}

export function nationalCurrent(current: unknown, events: readonly Row[], reception: unknown): unknown {
  if (current !== 'accepted' && current !== 'rejected' && current !== 'sent') return current;
  if (current === 'accepted') return 'received';
  const mapped = nationalEvents(events);
  const wanted =
    current === 'rejected'
      ? (s: unknown) => s === 'refused' || s === 'stopped'
      : (s: unknown) => typeof s === 'string' && s !== 'sent';
  const last = [...mapped].reverse().find((e) => wanted(e.status));
  if (last) return last.status;
  if (current === 'rejected')
    return reception === 'received' || reception === null || reception === undefined ? 'stopped' : 'refused';
  return reception === 'pending' ? 'submitted' : reception === 'refused' ? 'refused' : 'received';
}
