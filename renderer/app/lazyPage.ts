/**
 * A route whose screen is loaded when it is first opened, so the app's first screen does
 * not wait for the code of every other one (issue 16 item 7). Vite puts each screen's
 * code in its own file; react-router loads it before it renders the route, so the screen
 * never shows half-loaded.
 */
import type { ComponentType } from 'react';
import type { RouteObject } from 'react-router';

export function lazyPage<M>(load: () => Promise<M>, pick: (module: M) => ComponentType): NonNullable<RouteObject['lazy']> {
  return async () => ({ Component: pick(await load()) });
}
