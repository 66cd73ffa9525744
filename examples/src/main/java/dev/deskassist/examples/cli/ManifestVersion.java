package dev.deskassist.examples.cli;

import picocli.CommandLine.IVersionProvider;

/**
 * The version of {@code deskassist.jar}, from the {@code Implementation-Version} its manifest
 * carries; {@code dev} when running from compiled classes, which have no manifest.
 */
public final class ManifestVersion implements IVersionProvider {

    /** The version string, {@code dev} without a manifest. */
    public static String version() {
        String v = ManifestVersion.class.getPackage().getImplementationVersion();
        return v == null || v.isBlank() ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"deskassist " + version(), "Java " + Runtime.version() + " (" + System.getProperty(
                "java.vendor", "unknown vendor") + ")"};
    }
}
