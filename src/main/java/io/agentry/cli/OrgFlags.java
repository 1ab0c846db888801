package io.agentry.cli;

import picocli.CommandLine.Option;

/** The organization a command acts for on the database; through a server, the key says it (docs/cli-remote.md). */
final class OrgFlags {
    static final String DEFAULT = "default";

    @Option(
            names = "--org",
            paramLabel = "NAME",
            defaultValue = "${env:AGENTRY_ORG:-" + DEFAULT + "}",
            description = "The organization to act for, by name; created on first use. Env AGENTRY_ORG. "
                    + "Default: ${DEFAULT-VALUE}.")
    String name;
}
