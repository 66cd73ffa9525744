package dev.deskassist.examples.serve;

import dev.deskassist.core.adapter.AdapterConfigException;
import dev.deskassist.core.adapter.ConfigSource;
import dev.deskassist.core.config.ConfigFileException;
import dev.deskassist.core.pipeline.EventStore;
import dev.deskassist.core.pipeline.SqliteEventStore;
import dev.deskassist.core.pipeline.redis.RedisEventStore;
import dev.deskassist.examples.UsageException;
import dev.deskassist.examples.config.ConfigDirectory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/**
 * How the command-line tools ({@code dead-letters}, {@code replay}) find the event store of a
 * {@code serve}: {@code --data-dir DIR}, or {@code deskassist.dataDir} from {@code --config DIR|FILE}
 * (a config directory, or a properties file as before) and the environment, else
 * {@code ./deskassist-data}; or, when that configuration says {@code deskassist.store=redis}, the
 * Redis store several replicas share. They open only a store that exists, so a mistyped directory
 * is reported instead of silently creating an empty store. A picocli mixin: a command takes these
 * options with {@code @Mixin StoreOptions store}.
 */
public final class StoreOptions {

    @Option(names = "--config", paramLabel = "DIR|FILE",
            description = "The config directory or properties file of serve; its deskassist.dataDir names the store.")
    private Path config;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "The data directory of serve (default: "
            + "DESKASSIST_DATA_DIR, else ./deskassist-data).")
    private Path dataDir;

    /** Options as picocli fills them in. */
    public StoreOptions() {
    }

    /**
     * @param config  the {@code --config} file, or {@code null}
     * @param dataDir the {@code --data-dir} directory, or {@code null}
     */
    public StoreOptions(Path config, Path dataDir) {
        this.config = config;
        this.dataDir = dataDir;
    }

    /** The {@code --config} file, or {@code null}. */
    public Path config() {
        return config;
    }

    /** The {@code --data-dir} directory, or {@code null}. */
    public Path dataDir() {
        return dataDir;
    }

    /** The store directory these options point to. */
    public Path resolve(Map<String, String> env) {
        if (config != null && dataDir != null) {
            throw new UsageException("give either --config FILE or --data-dir DIR, not both");
        }
        if (dataDir != null) {
            return dataDir;
        }
        return orUsage(() -> ServeSettings.dataDir(existingSource(env)));
    }

    /** How long store operations wait for the running {@code serve}'s transactions. */
    public Duration busyTimeout(Map<String, String> env) {
        return orUsage(() -> ServeSettings.storeBusyTimeout(source(env)));
    }

    /** {@link #source}, once {@code --config} is known to exist. */
    private ConfigSource existingSource(Map<String, String> env) {
        if (config != null && !Files.exists(config)) {
            throw new UsageException("no configuration file or directory at " + config);
        }
        return source(env);
    }

    /** A config directory's settings (relative paths resolved against it), else the file's and the environment's. */
    private ConfigSource source(Map<String, String> env) {
        if (config != null && Files.isDirectory(config)) {
            try {
                return ConfigDirectory.source(config, env);
            } catch (ConfigFileException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return orUsage(() -> ServeSettings.source(config, env));
    }

    /** A configuration problem is the user's to fix: a usage error. */
    private static <T> T orUsage(Supplier<T> read) {
        try {
            return read.get();
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
        if (dataDir != null) {
            return openEmbedded(resolve(env), source(env));
        }
        // the configuration is read once, for the store kind, the directory and the busy timeout
        ConfigSource source = existingSource(env);
        if (ServeSettings.REDIS.equals(orUsage(() -> ServeSettings.storeKind(source)))) {
            return RedisEventStore.open(orUsage(() -> ServeSettings.redis(source)));
        }
        return openEmbedded(orUsage(() -> ServeSettings.dataDir(source)), source);
    }

    private static EventStore openEmbedded(Path dir, ConfigSource source) {
        if (!Files.isRegularFile(dir.resolve(SqliteEventStore.FILE_NAME))) {
            throw new UsageException("no event store in " + dir.toAbsolutePath() + " (no "
                    + SqliteEventStore.FILE_NAME + "); point --data-dir or --config at the data directory of serve");
        }
        return SqliteEventStore.open(dir, orUsage(() -> ServeSettings.storeBusyTimeout(source)));
    }
}
