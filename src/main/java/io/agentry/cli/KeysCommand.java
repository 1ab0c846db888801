package io.agentry.cli;

import io.agentry.db.Database;
import io.agentry.key.ApiKeys;
import io.agentry.key.KeyRole;
import io.agentry.key.NewKey;
import io.agentry.org.Organizations;
import java.io.PrintWriter;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code agentry keys create}: an org's key for the HTTP API, made on the deployment's database. */
@Command(
        name = "keys",
        mixinStandardHelpOptions = true,
        description = "Keys of the HTTP API (see docs/api.md).",
        footer = Main.FOOTER,
        subcommands = {KeysCommand.Create.class})
final class KeysCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "create",
            mixinStandardHelpOptions = true,
            description = "Make a key of the organization (created on first use) and print it. The key is shown "
                    + "this once: only its hash is stored.",
            footer = Main.FOOTER)
    static final class Create implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseFlags database;

        @Mixin
        OrgFlags org;

        @Option(
                names = "--role",
                paramLabel = "ROLE",
                defaultValue = "admin",
                description = "viewer (reads), editor (also executes and edits streams), or admin (also agents, "
                        + "keys, webhooks). Default: ${DEFAULT-VALUE}.")
        String role;

        @Option(
                names = "--name",
                paramLabel = "NAME",
                defaultValue = "command line",
                description = "What the key is for, as `GET /api/keys` lists it. Default: ${DEFAULT-VALUE}.")
        String name;

        @Override
        public Integer call() {
            FlagValues flags = new FlagValues(spec);
            KeyRole keyRole = KeyRole.parse(role)
                    .orElseThrow(() -> flags.error(flags.quote("--role", role) + " must be viewer, editor or admin"));
            if (name.isBlank()) {
                throw flags.error("--name must not be empty");
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = Databases.open(database.config())) {
                db.migrate();
                UUID orgId = new Organizations(db.dataSource()).findOrCreate(org.name);
                NewKey key = new ApiKeys(db.dataSource()).create(orgId, name.strip(), keyRole);
                out.println(key.key());
                spec.commandLine()
                        .getErr()
                        .printf(
                                "A %s key of organization '%s' (id %s). It is shown this once; "
                                        + "revoke it with DELETE /api/keys/%s.%n",
                                keyRole.sql(),
                                org.name,
                                key.apiKey().id(),
                                key.apiKey().id());
            }
            out.flush();
            return 0;
        }
    }
}
