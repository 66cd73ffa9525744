package dev.deskassist.core.privacy;

import dev.deskassist.core.model.Requester;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link ConsentRegistry} held in memory. It stores only SHA-256 hashes of the keys (see
 * {@link CustomerKeys}), never the e-mail address. Thread-safe; state is lost on restart, so
 * load it from your own store at start-up.
 */
public final class InMemoryConsentRegistry implements ConsentRegistry {

    private final Set<String> optedOut = ConcurrentHashMap.newKeySet();

    /** Records an opt-out for an e-mail address or requester id. */
    public void optOut(String customerKey) {
        optedOut.add(CustomerKeys.hash(Objects.requireNonNull(customerKey, "customerKey")));
    }

    /** Withdraws an opt-out. */
    public void optIn(String customerKey) {
        optedOut.remove(CustomerKeys.hash(Objects.requireNonNull(customerKey, "customerKey")));
    }

    @Override
    public boolean optedOut(Requester requester) {
        for (String k : CustomerKeys.of(requester)) {
            if (optedOut.contains(k)) {
                return true;
            }
        }
        return false;
    }

    /** Number of opt-outs held. */
    public int size() {
        return optedOut.size();
    }
}
