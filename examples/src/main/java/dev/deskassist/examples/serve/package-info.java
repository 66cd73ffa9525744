/**
 * The runtime of {@code serve}: {@link dev.deskassist.examples.serve.ServeSettings} reads and checks
 * the configuration (properties file and {@code DESKASSIST_*} environment),
 * {@link dev.deskassist.examples.serve.ServeRuntime} assembles event store, adapter, DeskAssist,
 * pipeline and HTTP server from it and stops them in order,
 * {@link dev.deskassist.examples.serve.PrometheusMetrics} holds the Micrometer registry scraped at
 * {@code /metrics}, and {@link dev.deskassist.examples.serve.StoreOptions} lets the command-line
 * tools find the store of a running {@code serve}.
 */
package dev.deskassist.examples.serve;
