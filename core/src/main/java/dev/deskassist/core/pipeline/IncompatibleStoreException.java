package dev.deskassist.core.pipeline;

/**
 * The store was written by another DeskAssist version (usually a newer one: its layout version is
 * higher than this code knows).
 * Not retryable: opening it anyway could corrupt it; run the newer version or point to another
 * directory.
 */
public class IncompatibleStoreException extends StoreException {

    private static final long serialVersionUID = 1L;

    private final int foundVersion;
    private final int supportedVersion;

    public IncompatibleStoreException(String store, int foundVersion, int supportedVersion) {
        super(foundVersion > supportedVersion
                ? store + " has layout version " + foundVersion + ", this DeskAssist knows up to " + supportedVersion
                        + "; run the newer DeskAssist that wrote it, or use another directory"
                : store + " has layout version " + foundVersion + ", this DeskAssist reads only " + supportedVersion
                        + "; run the DeskAssist that wrote it, or use another directory or key prefix", null);
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
