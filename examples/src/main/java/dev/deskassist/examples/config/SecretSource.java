package dev.deskassist.examples.config;

import dev.deskassist.core.adapter.ConfigProblem;
import dev.deskassist.core.adapter.ConfigSource;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The directory's properties as the adapters and {@code ServeSettings} read them: secrets from
 * the environment variables the file names ({@link ConfigSource#withSecretReferences}), relative
 * paths of the store and audit file taken relative to the directory (like every other path in it,
 * not to wherever the command happens to run), and the directory's own keys known, so that the
 * adapters' and {@code ServeSettings}' typo checks do not report them.
 */
final class SecretSource implements ConfigSource {

    /** The suffix of a key naming the environment variable that holds a secret. */
    static final String ENV_SUFFIX = ".env";

    static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    /** Keys holding paths, which are relative to the directory. */
    static final Set<String> PATH_KEYS = Set.of("deskassist.dataDir", "deskassist.auditFile", "deskassist.correctionsFile");

    private final ConfigSource resolved;
    private final Set<String> extraKnown;
    private final Path dir;

    SecretSource(ConfigSource file, Map<String, String> env, Set<String> extraKnown, Path dir) {
        this.resolved = ConfigSource.withSecretReferences(Objects.requireNonNull(file, "file"), env,
                ConfigDirectory::isSecret);
        this.extraKnown = Set.copyOf(extraKnown);
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    @Override
    public String get(String key) {
        String v = resolved.get(key);
        if (v != null && PATH_KEYS.contains(key) && !v.isBlank()) {
            try {
                Path p = Path.of(v.strip());
                return p.isAbsolute() ? v : dir.resolve(p).toString();
            } catch (InvalidPathException e) {
                return v; // reported by ServeSettings
            }
        }
        return v;
    }

    @Override
    public String origin(String key) {
        return resolved.origin(key);
    }

    @Override
    public List<ConfigProblem> unknownKeys(String prefix, Set<String> known) {
        Set<String> all = new LinkedHashSet<>(known);
        all.addAll(extraKnown);
        return resolved.unknownKeys(prefix, all);
    }

    @Override
    public String toString() {
        return "ConfigSource[" + resolved + ", paths relative to the directory]";
    }
}
