package dev.deskassist.core.adapter;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.function.Function;

/**
 * Where an adapter's configuration values come from: a properties file (remembering each key's
 * line), {@link Properties}, the environment, or several of them layered. Keys are full keys such
 * as {@code zendesk.baseUrl}; in the environment the same key is
 * {@code DESKASSIST_ZENDESK_BASE_URL} ({@link #environmentName}). Besides values, a source says
 * where a key was found and which keys under a prefix are unknown (probable typos), so that a
 * {@link HelpdeskConfig#validate()} can name file, line and key.
 */
public interface ConfigSource {

    /** The value of a full key, or {@code null}. */
    String get(String key);

    /**
     * Where the key's value comes from, for messages: {@code deskassist.properties line 4 (zendesk.baseUrl)},
     * {@code environment variable DESKASSIST_ZENDESK_BASE_URL}; {@code null} when absent.
     */
    default String origin(String key) {
        return get(key) == null ? null : key;
    }

    /**
     * Keys this source holds under {@code prefix} that are none of {@code known} (full keys),
     * each as a problem with a "did you mean" when a known key is close. A source that cannot
     * list its keys finds none.
     */
    default List<ConfigProblem> unknownKeys(String prefix, Set<String> known) {
        return List.of();
    }

    /** A source over a plain lookup, e.g. {@code Map.of(…)::get}; it cannot list keys, so finds no typos. */
    static ConfigSource of(Function<String, String> lookup) {
        Objects.requireNonNull(lookup, "lookup");
        return lookup::apply;
    }

    /** Properties, named in messages as {@code property <key>}. */
    static ConfigSource of(Properties properties) {
        return ConfigSources.properties(properties, null, Map.of());
    }

    /** Properties read from a file, named in messages with the file name and line. */
    static ConfigSource fromFile(Path file) {
        return ConfigSources.file(file);
    }

    /** Environment variables ({@code System.getenv()}), looked up by {@link #environmentName}. */
    static ConfigSource environment(Map<String, String> env) {
        return ConfigSources.environment(env);
    }

    /** Properties overridden by the environment, as deployments expect (the environment wins). */
    static ConfigSource of(Properties properties, Map<String, String> env) {
        return layered(environment(env), of(properties));
    }

    /**
     * {@code source} with secrets taken from the environment variables it names: a key
     * {@code zendesk.apiToken.env=ZENDESK_API_TOKEN} makes {@code get("zendesk.apiToken")} the value of
     * {@code ZENDESK_API_TOKEN} (absent when the variable is unset), so that files never hold
     * secrets. Applies to the keys {@code isSecret} accepts; the {@code .env} keys of known secret
     * keys are known keys themselves. Origins name the variable and where it was named, never a value.
     */
    static ConfigSource withSecretReferences(ConfigSource source, Map<String, String> env,
                                             java.util.function.Predicate<String> isSecret) {
        return ConfigSources.secretReferences(source, env, isSecret);
    }

    /** The first source holding a key wins; unknown keys are reported from every source. */
    static ConfigSource layered(ConfigSource... sources) {
        return ConfigSources.layered(List.of(sources));
    }

    /**
     * The environment variable for a key: {@code zendesk.baseUrl} → {@code DESKASSIST_ZENDESK_BASE_URL},
     * {@code deskassist.port} → {@code DESKASSIST_PORT}.
     */
    static String environmentName(String key) {
        String k = key.startsWith("deskassist.") ? key.substring("deskassist.".length()) : key;
        return "DESKASSIST_" + k.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replace('.', '_').replace('-', '_')
                .toUpperCase(Locale.ROOT);
    }
}
