package dev.litectl.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code litectl --version}: the jar's version and the Java runtime. */
final class VersionProvider implements IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {
            "litectl " + (v == null ? "dev" : v),
            "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
        };
    }
}
