/**
 * Input no route can use, refused before any handler sees it: text with NUL characters (which
 * PostgreSQL cannot store and would answer with an error) and JSON nested deeper than any
 * request of this API (whose deep recursion would exhaust the stack). Walked without recursion.
 */

/** The deepest nesting a request body or query may have: far beyond any DTO of the API. */
export const MAX_INPUT_DEPTH = 32;

export interface HostileInput {
  field: string;
  message: string;
}

export function findHostileInput(value: unknown, root: string): HostileInput | null {
  const stack: { value: unknown; path: string; depth: number }[] = [
    { value, path: root, depth: 0 },
  ];
  while (stack.length > 0) {
    const { value: current, path, depth } = stack.pop()!;
    if (typeof current === 'string') {
      if (current.includes('\u0000')) {
        return { field: path, message: 'must not contain NUL characters' };
      }
      continue;
    }
    if (current === null || typeof current !== 'object') continue;
    if (depth >= MAX_INPUT_DEPTH) {
      return { field: path, message: `is nested deeper than ${MAX_INPUT_DEPTH} levels` };
    }
    const entries = Array.isArray(current)
      ? current.map((item, index): [string, unknown] => [`${path}[${index}]`, item])
      : Object.entries(current as Record<string, unknown>).map(([key, item]): [string, unknown] => [
          `${path}.${key}`,
          item,
        ]);
    for (const [childPath, child] of entries) {
      if (childPath.includes('\u0000')) {
        return { field: path, message: 'has a key with a NUL character' };
      }
      stack.push({ value: child, path: childPath, depth: depth + 1 });
    }
  }
  return null;
}
