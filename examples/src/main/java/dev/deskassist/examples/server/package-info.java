/**
 * The HTTP layer of {@code serve} on Jetty: {@link dev.deskassist.examples.server.WebhookServer}
 * receives webhooks for a {@link dev.deskassist.core.pipeline.WebhookIntake} and serves health and
 * metrics on a separate management port; {@link dev.deskassist.examples.server.ServerSettings}
 * holds its listeners, limits and timeouts.
 */
package dev.deskassist.examples.server;
