export { DomainError, VersionConflict } from './domain-error.js';
export type { ErrorKind, FieldProblem } from './domain-error.js';
export { Clock, SystemClock } from './clock.js';
export { SYSTEM_ACTOR } from './actor.js';
export type { Actor, ChangeContext } from './actor.js';
export { ROLES } from './roles.js';
export type { Role } from './roles.js';
export { AccessPolicy, GRANTEES, NotAllowed } from './access-policy.js';
export type { Decision, FunctionLevelPolicy, Grantee, GrantTable, PolicyDefinition, Relation, Scope } from './access-policy.js';
export {
  DATE_FORMAT,
  FIRST_YEAR,
  INSTANT_FORMAT,
  LAST_YEAR,
  daysInMonth,
  instantOf,
  readDate,
  readInstant,
  toInstant,
} from './calendar.js';
export type { CalendarDate, DateOrDateTime, Reading, TimeOfDay } from './calendar.js';
