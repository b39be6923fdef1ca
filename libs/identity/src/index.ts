export { IdentityModule } from './identity.module.js';
export { SESSION_COOKIE } from './session-cookie.js';
export { IDENTITY_POLICY } from './domain/identity-policy.js';
export { UserDirectory } from './user-directory.js';
export { KnownPrincipals } from './known-principals.js';
export type { NewUser } from './user-directory.js';
export { FirstAdmin } from './first-admin.js';
export { DemoUsers, DEMO_PASSWORD, DEMO_DOMAIN } from './demo-users.js';
export type { Principal, User } from './principal.js';
