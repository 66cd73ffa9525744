package dev.deskassist.examples.config;

import dev.deskassist.core.adapter.ConfigProblem;
import dev.deskassist.core.adapter.ConfigSource;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A file source whose secrets come from environment variables the file names: the file holds
 * {@code zendesk.apiToken.env=ZENDESK_API_TOKEN}, and {@code get("zendesk.apiToken")} answers with
 * that variable's value. Relative paths of the store and audit file are taken relative to the
 * directory, like every other path in it, not to wherever the command happens to run. Keys the directory reads besides an adapter's own are declared as known,
 * so that the adapters' and {@code ServeSettings}' typo checks do not report them.
 */
final class SecretSource implements ConfigSource {

    /** The suffix of a key naming the environment variable that holds a secret. */
    static final String ENV_SUFFIX = ".env";

    static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final ConfigSource file;
    private final Map<String, String> env;
    private final Set<String> extraKnown;
    private final java.nio.file.Path dir;

    /** Keys holding paths, which are relative to the directory. */
    static final Set<String> PATH_KEYS = Set.of("deskassist.dataDir", "deskassist.auditFile");

    SecretSource(ConfigSource file, Map<String, String> env, Set<String> extraKnown, java.nio.file.Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
        this.file = Objects.requireNonNull(file, "file");
        this.env = Map.copyOf(env);
        this.extraKnown = Set.copyOf(extraKnown);
    }

    @Override
    public String get(String key) {
        if (ConfigDirectory.isSecret(key)) {
            String variable = file.get(key + ENV_SUFFIX);
            if (variable != null && VARIABLE.matcher(variable.strip()).matches()) {
                String v = env.get(variable.strip());
                return v == null || v.isBlank() ? null : v;
            }
            // a literal secret in the file is reported by the directory check and never used
            return null;
        }
        String v = file.get(key);
        if (v != null && PATH_KEYS.contains(key) && !v.isBlank()) {
            try {
                java.nio.file.Path p = java.nio.file.Path.of(v.strip());
                return p.isAbsolute() ? v : dir.resolve(p).toString();
            } catch (java.nio.file.InvalidPathException e) {
                return v; // reported by ServeSettings
            }
        }
        return v;
    }

    @Override
    public String origin(String key) {
        if (ConfigDirectory.isSecret(key)) {
            String variable = file.get(key + ENV_SUFFIX);
            return get(key) == null ? null : "environment variable " + variable.strip() + " (named by "
                    + file.origin(key + ENV_SUFFIX) + ")";
        }
        return file.origin(key);
    }

    @Override
    public List<ConfigProblem> unknownKeys(String prefix, Set<String> known) {
        Set<String> all = new LinkedHashSet<>(known);
        all.addAll(extraKnown);
        for (String k : known) {
            if (ConfigDirectory.isSecret(k)) {
                all.add(k + ENV_SUFFIX);
            }
        }
        // literal secrets are reported on their own, with what to do instead
        return file.unknownKeys(prefix, all).stream().filter(p -> p.key() == null || !all.contains(p.key())).toList();
    }

    @Override
    public String toString() {
        return "ConfigSource[" + file + " with secrets from the environment, values hidden]";
    }
}
