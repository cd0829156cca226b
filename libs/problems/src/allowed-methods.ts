import type { Request } from 'express';

interface RouteLayer {
  route?: { path?: unknown; methods?: Record<string, boolean> };
}

/**
 * The methods the app's routes take at the request's path, read from the Express router: what
 * a 405 lists in `Allow`. Route paths here are literal segments and `:param` segments.
 */
export function allowedMethods(request: Request): string[] {
  const router = (request.app as unknown as { router?: { stack?: RouteLayer[] } }).router;
  const path = segmentsOf(request.path);
  const methods = new Set<string>();
  for (const { route } of router?.stack ?? []) {
    if (typeof route?.path !== 'string' || !matches(segmentsOf(route.path), path)) continue;
    for (const [method, handled] of Object.entries(route.methods ?? {})) {
      if (handled && method !== '_all') methods.add(method.toUpperCase());
    }
  }
  if (methods.has('GET')) methods.add('HEAD');
  return [...methods].sort();
}

function segmentsOf(path: string): string[] {
  return path.replace(/\/+$/, '').toLowerCase().split('/');
}

function matches(pattern: string[], path: string[]): boolean {
  return (
    pattern.length === path.length &&
    pattern.every((segment, i) => (segment.startsWith(':') ? path[i] !== '' : segment === path[i]))
  );
}
