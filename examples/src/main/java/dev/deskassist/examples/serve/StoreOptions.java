package dev.deskassist.examples.serve;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.pipeline.EventStore;
import dev.deskassist.core.pipeline.SqliteEventStore;
import dev.deskassist.core.pipeline.redis.RedisEventStore;
import dev.deskassist.examples.Args;
import dev.deskassist.examples.UsageException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How the command-line tools ({@code dead-letters}, {@code replay}) find the event store of a
 * {@code serve}: {@code --data-dir DIR}, or {@code deskassist.dataDir} from {@code --config FILE}
 * and the environment, else {@code ./deskassist-data}; or, when that configuration says
 * {@code deskassist.store=redis}, the Redis store several replicas share. They open only a store
 * that exists, so a mistyped directory is reported instead of silently creating an empty store.
 *
 * @param config  the {@code --config} file, or {@code null}
 * @param dataDir the {@code --data-dir} directory, or {@code null}
 */
public record StoreOptions(Path config, Path dataDir) {

    /** Reads {@code --config} and {@code --data-dir}; giving both is a usage error. */
    public static StoreOptions parse(Args args) {
        Optional<String> config = args.get("config");
        Optional<String> dir = args.get("data-dir");
        if (config.isPresent() && dir.isPresent()) {
            throw new UsageException("give either --config FILE or --data-dir DIR, not both");
        }
        return new StoreOptions(config.map(v -> path("--config", v)).orElse(null),
                dir.map(v -> path("--data-dir", v)).orElse(null));
    }

    /** The store directory these options point to. */
    public Path resolve(Map<String, String> env) {
        if (dataDir != null) {
            return dataDir;
        }
        if (config != null && !Files.isRegularFile(config)) {
            throw new UsageException("no configuration file at " + config);
        }
        try {
            return ServeSettings.dataDir(ServeSettings.source(config, env));
        } catch (AdapterConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** How long store operations wait for the running {@code serve}'s transactions. */
    public Duration busyTimeout(Map<String, String> env) {
        try {
            return ServeSettings.storeBusyTimeout(ServeSettings.source(config, env));
        } catch (AdapterConfigException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /**
     * Opens the existing store these options point to: the Redis store when the configuration says
     * {@code deskassist.store=redis} (and no {@code --data-dir} was given), else the one in the directory.
     *
     * @throws UsageException when there is no store there
     */
    public EventStore openExisting(Map<String, String> env) {
        if (dataDir == null) {
            if (config != null && !Files.isRegularFile(config)) {
                throw new UsageException("no configuration file at " + config);
            }
            try {
                var source = ServeSettings.source(config, env);
                if (ServeSettings.REDIS.equals(ServeSettings.storeKind(source))) {
                    return RedisEventStore.open(ServeSettings.redis(source));
                }
            } catch (AdapterConfigException e) {
                throw new UsageException(e.getMessage());
            }
        }
        Path dir = resolve(env);
        if (!Files.isRegularFile(dir.resolve(SqliteEventStore.FILE_NAME))) {
            throw new UsageException("no event store in " + dir.toAbsolutePath() + " (no "
                    + SqliteEventStore.FILE_NAME + "); point --data-dir or --config at the data directory of serve");
        }
        return SqliteEventStore.open(dir, busyTimeout(env));
    }

    /**
     * Refuses options a command does not know, so that a typo is not silently ignored.
     *
     * @param valued names of options that take a value
     * @param flags  names of options that take none
     */
    public static void rejectUnknown(List<String> args, Set<String> valued, Set<String> flags) {
        for (int i = 0; i < args.size(); i++) {
            String s = args.get(i);
            if (!s.startsWith("--")) {
                continue;
            }
            String name = s.substring(2);
            int eq = name.indexOf('=');
            if (eq >= 0) {
                name = name.substring(0, eq);
            }
            if (flags.contains(name)) {
                continue;
            }
            if (!valued.contains(name)) {
                Set<String> known = new TreeSet<>(valued);
                known.addAll(flags);
                throw new UsageException("unknown option --" + name + " (known: --" + String.join(", --", known) + ")");
            }
            if (eq < 0) {
                i++;
            }
        }
    }

    private static Path path(String option, String value) {
        try {
            return Path.of(value);
        } catch (InvalidPathException e) {
            throw new UsageException(option + " is not a valid path");
        }
    }
}
