/**
 * DeskAssist's metrics through Micrometer, for applications that have Micrometer on the class
 * path (core declares it optional; nothing outside this package references it).
 * {@link dev.deskassist.core.metrics.MicrometerMetrics} is the one entry point: it listens to the
 * pipeline and to the LLM usage meter, and binds the pipeline's health as gauges.
 */
package dev.deskassist.core.metrics;
