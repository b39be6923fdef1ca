export { PersistenceModule } from './persistence.module.js';
export { DatabaseNotifications, type ChannelListener } from './database-notifications.js';
export { EventStore, isUniqueViolation, logPosition } from './event-store.js';
export { EventSubscriptions } from './event-subscription.js';
export type { EventSubscription, EventSubscriptionDefinition, SubscribedEvent } from './event-subscription.js';
export type { AppendedEvent, AppendedRows, EventMetadata, NewEvent, StoredEvent } from './event-store.js';
export { RedisConnection } from './redis-connection.js';
export { isServiceUnavailable } from './service-unavailable.js';
export { UnitOfWork } from './unit-of-work.js';
