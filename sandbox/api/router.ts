// Matches request paths against the catalogue's templates: the sandbox serves exactly the operations the
// catalogue lists, so a new catalogue entry without a handler fails at start, not at first call.
import type { Operation } from '../../src/client';

interface CompiledRoute {
  readonly op: Operation;
  readonly segments: readonly (string | { readonly param: string })[];
}

export type RouteMatch =
  | { readonly kind: 'found'; readonly op: Operation; readonly params: Readonly<Record<string, string>> }
  | { readonly kind: 'wrongMethod'; readonly allowed: readonly string[] }
  | { readonly kind: 'none' };

function compile(op: Operation): CompiledRoute {
  const segments = op.path
    .split('/')
    .filter(Boolean)
    .map((s) => (s.startsWith('{') && s.endsWith('}') ? { param: s.slice(1, -1) } : s));
  return { op, segments };
}

function matchSegments(route: CompiledRoute, parts: readonly string[]): Record<string, string> | undefined {
  if (route.segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const segment = route.segments[i]!;
    const part = parts[i]!;
    if (typeof segment === 'string') {
      if (segment !== part) return undefined;
    } else {
      try {
        params[segment.param] = decodeURIComponent(part);
      } catch {
        return undefined;
      }
    }
  }
  return params;
}

export function createRouter(operations: readonly Operation[]): (method: string, pathname: string) => RouteMatch {
  const routes = operations.map(compile);
  return (method, pathname) => {
    const parts = pathname.split('/').filter(Boolean);
    const allowed: string[] = [];
    // Literal segments beat parameters ("/cities" vs "/countries/{code}" cannot clash, but
    // ".../authorisations" vs ".../{paymentId}" with a literal could): prefer the route with most literals.
    let best: { op: Operation; params: Record<string, string>; literals: number } | undefined;
    for (const route of routes) {
      const params = matchSegments(route, parts);
      if (!params) continue;
      if (route.op.method !== method) {
        allowed.push(route.op.method);
        continue;
      }
      const literals = route.segments.filter((s) => typeof s === 'string').length;
      if (!best || literals > best.literals) best = { op: route.op, params, literals };
    }
    if (best) return { kind: 'found', op: best.op, params: best.params };
    return allowed.length > 0 ? { kind: 'wrongMethod', allowed } : { kind: 'none' };
  };
}
