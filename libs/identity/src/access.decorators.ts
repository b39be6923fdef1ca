import { SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'hld:public';

/** Reachable without signing in (health, docs, sign-in itself). Everything else needs a principal. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);
