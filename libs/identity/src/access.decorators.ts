import { applyDecorators, Header, SetMetadata } from '@nestjs/common';
import type { Role } from '@hld/kernel';

export const PUBLIC_ROUTE = 'hld:public';
export const REQUIRED_ROLES = 'hld:roles';

/** Reachable without signing in (health, docs, sign-in itself). Everything else needs a principal. */
export const Public = () => SetMetadata(PUBLIC_ROUTE, true);

/** Only these roles may call the route (function-level rule); object-level rules live in the domain policy. */
export const Roles = (...roles: Role[]) => SetMetadata(REQUIRED_ROLES, roles);

/** For answers that carry credentials: no cache, shared or private, may keep them (RFC 6749 §5.1). */
export const NoStore = () => applyDecorators(Header('Cache-Control', 'no-store'), Header('Pragma', 'no-cache'));
