package org.epsnn.app.cli;

import picocli.CommandLine.IVersionProvider;

/** Reads the version from the jar manifest, which the build fills in from the POM. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        String version = VersionProvider.class.getPackage().getImplementationVersion();
        return new String[] {"epsnn " + (version == null ? "(development build)" : version),
            "Java " + Runtime.version() + " on " + System.getProperty("os.name") + " " + System.getProperty("os.arch")};
    }
}
