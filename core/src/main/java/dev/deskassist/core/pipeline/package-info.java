/**
 * The event pipeline, transport-neutral: {@link dev.deskassist.core.pipeline.Pipeline#accept}
 * verifies, de-duplicates and persists a webhook before it is acknowledged; background workers
 * fetch, assist and write back one ticket at a time, retry transient failures for hours and keep
 * permanent ones as dead letters. Wire it into any HTTP framework in a few lines.
 */
package dev.deskassist.core.pipeline;
