/**
 * The pipeline's {@link dev.deskassist.core.pipeline.EventStore} on Redis, for several
 * {@code serve} replicas sharing intake, dedupe, per-ticket leases, dead letters, the write ledger
 * and each helpdesk account's rate budget: {@link dev.deskassist.core.pipeline.redis.RedisEventStore}
 * configured with {@link dev.deskassist.core.pipeline.redis.RedisStoreSettings}. Needs
 * {@code io.lettuce:lettuce-core} on the class path (an optional dependency of core).
 */
package dev.deskassist.core.pipeline.redis;
