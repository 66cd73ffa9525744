/**
 * The event pipeline, transport-neutral: {@link dev.deskassist.core.pipeline.Pipeline#accept}
 * verifies, de-duplicates and persists a webhook before it is acknowledged; background workers
 * fetch, assist and write back one ticket at a time, retry transient failures for hours and keep
 * permanent ones as dead letters. Wire it into any HTTP framework in a few lines.
 *
 * <p>The {@link dev.deskassist.core.pipeline.EventStore} keeps events, delivery ids, leases, dead
 * letters and the write ledger; {@link dev.deskassist.core.pipeline.SqliteEventStore} is the
 * embedded default. The store never holds a webhook body: processing needs only the ticket
 * reference, and the adapter fetches the ticket.
 */
package dev.deskassist.core.pipeline;
