package dev.deskassist.zendesk;

import dev.deskassist.core.adapter.ConfigSource;
import java.util.Objects;

/** {@link ZendeskConfig#from}: the defaults over a source; a record, whose {@code source()} is the interface's. */
record SourcedZendeskConfig(ConfigSource source) implements ZendeskConfig {

    SourcedZendeskConfig {
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String get(String key) {
        return source.get(key);
    }

    @Override
    public String toString() {
        return "ZendeskConfig[values hidden]";
    }
}
