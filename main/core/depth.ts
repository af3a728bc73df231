/**
 * How deep a value goes, found without recursion (main/core/input-guard.ts says why).
 *
 * Over HTTP the body limit bounds the number of nodes; over IPC a structured clone may share one object
 * many times (a chain of pairs is 2^depth visits) or refer back to itself, so the walk counts what it
 * visits and stops at a budget, and a cycle simply reaches the depth limit.
 */

/** Nodes visited at most; a dossier form is a few hundred. */
export const MAX_INPUT_NODES = 200_000;

export type DepthProblem = { kind: 'deep'; path: string[] } | { kind: 'large' };

/**
 * The first node, in the order a recursive walk would meet it (keys in order, arrays by index), that lies
 * deeper than `maxDepth` (the value itself is depth 0), with its path; or `large` once `maxNodes` nodes
 * were visited; or null.
 */
export function findTooDeep(
  value: unknown,
  maxDepth: number,
  maxNodes = MAX_INPUT_NODES,
): DepthProblem | null {
  const stack: { value: unknown; path: string[] }[] = [{ value, path: [] }];
  let visited = 0;
  for (let node = stack.pop(); node !== undefined; node = stack.pop()) {
    if (node.path.length > maxDepth) return { kind: 'deep', path: node.path };
    if (++visited > maxNodes) return { kind: 'large' };
    const current = node.value;
    if (current === null || typeof current !== 'object') continue;
    // A huge array is refused before a list of its children is built.
    if (Array.isArray(current) && visited + stack.length + current.length > maxNodes)
      return { kind: 'large' };
    const entries: [string, unknown][] = Array.isArray(current)
      ? current.map((item: unknown, i) => [String(i), item])
      : Object.entries(current);
    // Pushed in reverse so the first child is walked first, as a recursive walk would.
    for (const [key, child] of entries.reverse()) stack.push({ value: child, path: [...node.path, key] });
  }
  return null;
}
