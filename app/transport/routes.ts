import { filesRoute } from './files';
import type { GetRoute } from './http';

/** GET routes besides `/health` (which the transport always has). */
export const extraGetRoutes: GetRoute[] = [filesRoute];
