import { applyDecorators, Header, SetMetadata } from '@nestjs/common';

export const PUBLIC_ROUTE = 'hld:public';

/** Reachable without signing in (health, docs, sign-in itself). Everything else needs a principal. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** For answers that carry credentials: no cache, shared or private, may keep them (RFC 6749 §5.1). */
export const NoStore = () => applyDecorators(Header('Cache-Control', 'no-store'), Header('Pragma', 'no-cache'));
