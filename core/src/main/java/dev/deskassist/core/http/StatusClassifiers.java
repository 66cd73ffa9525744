package dev.deskassist.core.http;

import java.util.HashMap;
import java.util.Map;

/** The implementations behind {@link StatusClassifier#standard()} and {@link StatusClassifier#withStatus}. */
final class StatusClassifiers {

    static final StatusClassifier STANDARD = new StatusClassifier() {
        @Override
        public ErrorKind classify(int status, ErrorDetails details) {
            return switch (status) {
                case 401, 403 -> ErrorKind.AUTHENTICATION;
                case 404 -> ErrorKind.NOT_FOUND;
                case 409 -> ErrorKind.CONFLICT;
                case 400, 422 -> ErrorKind.VALIDATION;
                case 429 -> ErrorKind.RATE_LIMITED;
                default -> status >= 500 ? ErrorKind.SERVER_ERROR : ErrorKind.CLIENT_ERROR;
            };
        }

        @Override
        public String toString() {
            return "StatusClassifier[standard]";
        }
    };

    private StatusClassifiers() {
    }

    static StatusClassifier override(StatusClassifier classifier, int status, ErrorKind kind) {
        StatusClassifier base = classifier;
        Map<Integer, ErrorKind> overrides = new HashMap<>();
        // flatten, so that a chain of withStatus calls stays one map lookup
        if (base instanceof Overriding o) {
            overrides.putAll(o.overrides());
            base = o.base();
        }
        overrides.put(status, kind);
        return new Overriding(base, Map.copyOf(overrides));
    }

    private record Overriding(StatusClassifier base, Map<Integer, ErrorKind> overrides) implements StatusClassifier {

        @Override
        public ErrorKind classify(int status, ErrorDetails details) {
            ErrorKind k = overrides.get(status);
            return k != null ? k : base.classify(status, details);
        }

        @Override
        public String toString() {
            return "StatusClassifier[" + base + " with " + overrides + "]";
        }
    }
}
