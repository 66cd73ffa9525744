package dev.deskassist.freshdesk;

import dev.deskassist.core.adapter.ConfigSource;
import java.util.Objects;

/** {@link FreshdeskConfig#from}: the defaults over a source; a record, whose {@code source()} is the interface's. */
record SourcedFreshdeskConfig(ConfigSource source) implements FreshdeskConfig {

    SourcedFreshdeskConfig {
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String get(String key) {
        return source.get(key);
    }

    @Override
    public String toString() {
        return "FreshdeskConfig[values hidden]";
    }
}
