package io.agentry.cli;

import io.agentry.agents.BuiltInAgents;
import io.agentry.db.Database;
import io.agentry.org.Organizations;
import io.agentry.schedule.AgentSchedule;
import io.agentry.schedule.CronSpec;
import io.agentry.schedule.InvalidScheduleException;
import io.agentry.schedule.Schedules;
import io.agentry.schedule.UnknownAgentException;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code agentry agents schedule|list}: the organization's agents and when they run by themselves. */
@Command(
        name = "agents",
        mixinStandardHelpOptions = true,
        description = "The organization's agents and their schedules (cron, in a time zone): see docs/schedules.md.",
        footer = Main.FOOTER,
        subcommands = {AgentsCommand.Schedule.class, AgentsCommand.ListAgents.class})
final class AgentsCommand implements Runnable {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("EEE yyyy-MM-dd HH:mm xxx", Locale.ROOT);
    private static final DateTimeFormatter UTC =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "schedule",
            mixinStandardHelpOptions = true,
            sortOptions = false,
            description = {
                "Run an agent by itself on a schedule: agentry agents schedule scoring_agent \"0 9 * * *\" "
                        + "--tz Europe/London runs it every day at 9 AM London time.",
                "CRON is a 5-field Unix cron expression (minute hour day-of-month month day-of-week), matched "
                        + "against the wall clock of --tz. Each fire starts one run per active stream the agent "
                        + "is assigned to, or one run without a stream. Prints the next 3 fires."
            },
            footer = Main.FOOTER)
    static final class Schedule implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseFlags database;

        @Mixin
        OrgFlags org;

        @Parameters(
                index = "0",
                paramLabel = "AGENT",
                description = "An agent id (agentry agents list), or an agent type: "
                        + "opportunity_bot, enrichment_agent, scoring_agent or scout_agent (the org's agent of "
                        + "that type, made on first use).")
        String agent;

        @Parameters(
                index = "1",
                arity = "0..1",
                paramLabel = "CRON",
                description = "When to run: \"0 9 * * *\" (9:00 every day), \"*/15 * * * 1-5\" "
                        + "(every 15 minutes on weekdays).")
        String cron;

        @Option(
                names = "--tz",
                paramLabel = "ZONE",
                description = "The IANA time zone whose wall clock CRON follows: Europe/London, America/New_York, "
                        + "UTC. Default: the agent's zone (UTC unless set before).")
        String timezone;

        @Option(names = "--clear", description = "Remove the agent's schedule instead.")
        boolean clear;

        @Override
        public Integer call() {
            FlagValues flags = new FlagValues(spec);
            if (clear == (cron != null)) {
                throw flags.error(
                        clear ? "CRON: give a schedule or --clear, not both" : "CRON is required (or --clear)");
            }
            CronSpec cronSpec = cron == null ? null : checked(flags, () -> CronSpec.parse(cron));
            ZoneId zone = timezone == null ? null : checked(flags, () -> Schedules.zone(timezone));
            UUID agentId = agentIdOrNull(flags);
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = Databases.open(database.config())) {
                db.migrate();
                Organizations orgs = new Organizations(db.dataSource());
                // An agent named by id must already be there: nothing is made for it.
                UUID orgId = agentId == null
                        ? orgs.findOrCreate(org.name)
                        : orgs.find(org.name).orElseThrow(() -> unknown(flags, agentId));
                UUID id = agentId != null ? agentId : orgs.agentOfType(orgId, agent, agent);
                Schedules schedules = new Schedules(db.dataSource(), Clock.system());
                AgentSchedule result;
                try {
                    if (clear) {
                        result = schedules.clear(orgId, id);
                    } else {
                        String zoneId = zone != null
                                ? zone.getId()
                                : schedules.find(orgId, id).timezone();
                        result = schedules.set(orgId, id, cronSpec.expression(), zoneId);
                    }
                } catch (UnknownAgentException e) {
                    throw unknown(flags, id);
                }
                print(out, result, cronSpec);
            }
            out.flush();
            return 0;
        }

        private ParameterException unknown(FlagValues flags, UUID id) {
            return flags.error(
                    "AGENT: no agent " + id + " in organization '" + org.name + "'; agentry agents list shows them");
        }

        private UUID agentIdOrNull(FlagValues flags) {
            if (BuiltInAgents.TYPES.contains(agent)) {
                return null;
            }
            try {
                return UUID.fromString(agent.strip());
            } catch (IllegalArgumentException e) {
                throw flags.error("AGENT must be an agent id (agentry agents list) or one of the agent types "
                        + String.join(", ", BuiltInAgents.TYPES) + ", was " + agent);
            }
        }

        private static void print(PrintWriter out, AgentSchedule agent, CronSpec spec) {
            String who = agent.agentType() + " " + agent.agentId();
            if (spec == null) {
                out.printf("Schedule of %s cleared.%n", who);
                return;
            }
            ZoneId zone = ZoneId.of(agent.timezone());
            out.printf("Scheduled %s: \"%s\" in %s. Next fires:%n", who, agent.cron(), agent.timezone());
            Instant fire = agent.nextRunAt();
            for (int i = 0; i < 3; i++) {
                out.printf("  %s (%s)   %s%n", LOCAL.format(fire.atZone(zone)), zone.getId(), UTC.format(fire));
                fire = spec.next(fire, zone);
            }
        }
    }

    @Command(
            name = "list",
            mixinStandardHelpOptions = true,
            description = "The organization's agents: type, active, schedule, time zone, next and last fire (UTC).",
            footer = Main.FOOTER)
    static final class ListAgents implements Callable<Integer> {
        @Spec
        CommandSpec spec;

        @Mixin
        DatabaseFlags database;

        @Mixin
        OrgFlags org;

        @Option(names = "--json", description = "Print JSON instead of a table.")
        boolean json;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            try (Database db = Databases.openExisting(database.config())) {
                Optional<UUID> orgId = new Organizations(db.dataSource()).find(org.name);
                List<AgentSchedule> agents = orgId.map(id -> new Schedules(db.dataSource(), Clock.system()).list(id))
                        .orElse(List.of());
                if (json) {
                    out.println(Json.write(agents));
                } else if (agents.isEmpty()) {
                    out.println("No agent for organization '" + org.name
                            + "' yet: agentry agents schedule AGENT_TYPE \"0 9 * * *\" makes one.");
                } else {
                    TextTable table =
                            new TextTable("ID", "TYPE", "ACTIVE", "SCHEDULE", "TIMEZONE", "NEXT RUN", "LAST RUN");
                    for (AgentSchedule agent : agents) {
                        table.row(
                                agent.agentId(),
                                agent.agentType(),
                                agent.active() ? "yes" : "no",
                                agent.cron() == null ? "-" : agent.cron(),
                                agent.timezone(),
                                agent.nextRunAt() == null ? "-" : UTC.format(agent.nextRunAt()),
                                agent.lastRunAt() == null ? "-" : UTC.format(agent.lastRunAt()));
                    }
                    out.print(table);
                }
            }
            out.flush();
            return 0;
        }
    }

    /** A schedule refused in the command's words: CRON and --tz rather than the columns. */
    private static <T> T checked(FlagValues flags, Supplier<T> check) {
        try {
            return check.get();
        } catch (InvalidScheduleException e) {
            throw flags.error(e.getMessage()
                    .replaceFirst("^schedule_cron ", "CRON ")
                    .replaceFirst("^schedule_timezone ", "--tz "));
        }
    }
}
