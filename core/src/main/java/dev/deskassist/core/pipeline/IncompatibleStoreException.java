package dev.deskassist.core.pipeline;

/**
 * The store was written by a newer DeskAssist (its layout version is higher than this code knows).
 * Not retryable: opening it anyway could corrupt it; run the newer version or point to another
 * directory.
 */
public class IncompatibleStoreException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final int foundVersion;
    private final int supportedVersion;

    public IncompatibleStoreException(String store, int foundVersion, int supportedVersion) {
        super(store + " has layout version " + foundVersion + ", this DeskAssist knows up to " + supportedVersion
                + "; run the newer DeskAssist that wrote it, or use another directory", null);
        this.foundVersion = foundVersion;
        this.supportedVersion = supportedVersion;
    }

    public int foundVersion() {
        return foundVersion;
    }

    public int supportedVersion() {
        return supportedVersion;
    }

    @Override
    public boolean isRetryable() {
        return false;
    }
}
