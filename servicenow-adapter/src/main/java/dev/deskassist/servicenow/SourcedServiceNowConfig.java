package dev.deskassist.servicenow;

import dev.deskassist.core.adapter.ConfigSource;
import java.util.Objects;

/** {@link ServiceNowConfig#from}: the defaults over a source; a record, whose {@code source()} is the interface's. */
record SourcedServiceNowConfig(ConfigSource source) implements ServiceNowConfig {

    SourcedServiceNowConfig {
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String get(String key) {
        return source.get(key);
    }

    @Override
    public String toString() {
        return "ServiceNowConfig[values hidden]";
    }
}
