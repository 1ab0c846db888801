package io.agentry.cli;

import io.agentry.company.Catalogue;
import io.agentry.company.Company;
import io.agentry.company.CompanyDetails;
import io.agentry.company.CompanyQuery;
import io.agentry.company.reference.ReferenceData;
import io.agentry.company.reference.UnknownReferenceException;
import io.agentry.db.Database;
import io.agentry.support.Json;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agentry companies search|show}: the catalogue, before any agent runs. */
@Command(
        name = "companies",
        mixinStandardHelpOptions = true,
        description = "Look companies up in the catalogue (load it with `agentry import companies-house`).",
        footer = Main.FOOTER,
        subcommands = {CompaniesCommand.Search.class, CompaniesCommand.Show.class})
final class CompaniesCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "search",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = "Companies matching every criterion given (any value of a repeated flag), by name. "
                    + "Labels are those of the reference data: see docs/reference-data.md.",
            footer = Main.FOOTER)
    static final class Search implements Callable<Integer> {
        private static final String LIMIT = "1.." + CompanyQuery.MAX_LIMIT;

        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseFlags database;

        @Mixin
        ReferenceFlags referenceFlags;

        @Option(
                names = "--name",
                paramLabel = "WORDS",
                description = "The start of the name, any case: 'northwind an' finds NORTHWIND ANALYTICS LTD.")
        String name;

        @Option(
                names = "--industry",
                paramLabel = "LABEL",
                description = "An industry label (SaaS, FinTech, …), SIC code (62012), division (62) or section (J).")
        List<String> industries = new ArrayList<>();

        @Option(
                names = "--location",
                paramLabel = "PLACE",
                description = "A country (UK, Scotland, …), region (London, North West, …), postcode area (M, EC) "
                        + "or its town (Manchester).")
        List<String> locations = new ArrayList<>();

        @Option(
                names = "--size",
                paramLabel = "BAND",
                description = "A size band estimated from the accounts: micro, small, medium or large.")
        List<String> sizes = new ArrayList<>();

        @Option(names = "--status", paramLabel = "STATUS", description = "A status: Active, Liquidation, Dissolved, …")
        String status;

        @Option(
                names = "--limit",
                paramLabel = "N",
                defaultValue = "20",
                description = "Most companies shown (" + LIMIT + "). Default: ${DEFAULT-VALUE}.")
        String limit;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Override
        public Integer call() {
            FlagValues flags = new FlagValues(spec);
            CompanyQuery query =
                    new CompanyQuery(name, industries, locations, sizes, status, flags.whole("--limit", limit, LIMIT));
            ReferenceData reference = referenceFlags.load();
            checkLabels(flags, reference, query);
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = Databases.openExisting(database.config())) {
                List<Company> companies = new Catalogue(db.dataSource(), reference).search(query);
                if (json) {
                    out.println(Json.write(companies));
                } else if (companies.isEmpty()) {
                    out.println("No company matches.");
                } else {
                    out.print(table(companies));
                    if (companies.size() == query.limit()) {
                        out.println("The first " + query.limit() + " by name; --limit shows more.");
                    }
                }
            }
            out.flush();
            return 0;
        }

        /** Unknown labels are refused with the flag's name before the database is opened. */
        private static void checkLabels(FlagValues flags, ReferenceData reference, CompanyQuery query) {
            try {
                query.industries().forEach(reference.industries()::resolve);
            } catch (UnknownReferenceException e) {
                throw flags.error("--industry: " + e.getMessage());
            }
            try {
                query.locations().forEach(reference.locations()::resolve);
            } catch (UnknownReferenceException e) {
                throw flags.error("--location: " + e.getMessage());
            }
            try {
                query.sizes().forEach(reference.sizeBands()::resolveBand);
            } catch (UnknownReferenceException e) {
                throw flags.error("--size: " + e.getMessage());
            }
        }

        private static String table(List<Company> companies) {
            TextTable table = new TextTable("NUMBER", "NAME", "STATUS", "TOWN", "REGION", "SIZE", "SIC");
            for (Company company : companies) {
                table.row(
                        company.companyNumber(),
                        company.name(),
                        company.status(),
                        company.postTown(),
                        company.region(),
                        company.sizeBand(),
                        String.join(" ", company.sicCodes()));
            }
            return table.toString();
        }
    }

    @Command(
            name = "show",
            mixinStandardHelpOptions = true,
            description = "Everything the catalogue holds about one company.",
            footer = Main.FOOTER)
    static final class Show implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseFlags database;

        @Parameters(index = "0", paramLabel = "NUMBER", description = "The company number (07687209, SC123456).")
        String number;

        @Option(names = "--json", description = "Print JSON instead of text.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            Optional<CompanyDetails> company;
            try (Database db = Databases.openExisting(database.config())) {
                company = new Catalogue(db.dataSource(), ReferenceData.bundled()).find(number);
            }
            if (company.isEmpty()) {
                spec.commandLine().getErr().println("No company " + number + " in the catalogue.");
                spec.commandLine().getErr().flush();
                return 1;
            }
            out.print(json ? Json.write(company.get()) + System.lineSeparator() : CompanyText.of(company.get()));
            out.flush();
            return 0;
        }
    }
}
