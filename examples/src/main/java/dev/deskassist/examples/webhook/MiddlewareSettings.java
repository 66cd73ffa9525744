package dev.deskassist.examples.webhook;

import dev.deskassist.core.adapter.ConfigValues;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.Function;

/**
 * Settings of the webhook middleware, from a properties file and environment variables (the
 * environment wins). A key {@code zendesk.baseUrl} is read from the environment as
 * {@code DESKASSIST_ZENDESK_BASE_URL}; {@code deskassist.port} as {@code DESKASSIST_PORT}.
 *
 * @param lookup the merged lookup, also handed to {@code ZendeskConfig.of}
 */
public record MiddlewareSettings(Function<String, String> lookup, String bind, int port, int workers,
                                 int queueCapacity, int maxAttempts, Duration retryBackoff, Path deadLetterDir,
                                 String engine, Path auditFile) {

    /** Reads the settings; {@code file} may be null. */
    public static MiddlewareSettings load(Path file, Map<String, String> env) throws IOException {
        Properties props = new Properties();
        if (file != null) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            }
        }
        return from(key -> {
            String v = env.get(envName(key));
            return v != null ? v : props.getProperty(key);
        });
    }

    /** Settings over any lookup (tests, simulation). */
    public static MiddlewareSettings from(Function<String, String> lookup) {
        return new MiddlewareSettings(lookup,
                ConfigValues.optional(lookup, "deskassist.bind").orElse("0.0.0.0"),
                ConfigValues.integer(lookup, "deskassist.port", 8080),
                ConfigValues.integer(lookup, "deskassist.workers", 2),
                ConfigValues.integer(lookup, "deskassist.queueCapacity", 1000),
                ConfigValues.integer(lookup, "deskassist.maxAttempts", 3),
                ConfigValues.duration(lookup, "deskassist.retryBackoff", Duration.ofSeconds(2)),
                Path.of(ConfigValues.optional(lookup, "deskassist.deadLetterDir").orElse("dead-letter")),
                ConfigValues.optional(lookup, "deskassist.engine").orElse("offline"),
                ConfigValues.optional(lookup, "deskassist.auditFile").map(Path::of).orElse(null));
    }

    /** {@code zendesk.baseUrl} → {@code DESKASSIST_ZENDESK_BASE_URL}; {@code deskassist.port} → {@code DESKASSIST_PORT}. */
    public static String envName(String key) {
        String k = key.startsWith("deskassist.") ? key.substring("deskassist.".length()) : key;
        return "DESKASSIST_" + k.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').replace('-', '_')
                .toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return "MiddlewareSettings[bind=" + bind + ", port=" + port + ", workers=" + workers + ", queue=" + queueCapacity
                + ", attempts=" + maxAttempts + ", deadLetterDir=" + deadLetterDir + ", engine=" + engine + "]";
    }
}
