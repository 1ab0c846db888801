package io.agentry.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.company.reference.ReferenceData;
import io.agentry.org.Organizations;
import io.agentry.stream.NewStream;
import io.agentry.stream.Stream;
import io.agentry.stream.Streams;
import io.agentry.support.Json;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The demo's organization, agents and stream: found when an earlier demo made them, made
 * otherwise. The stream's goal is the seed's example ("Discovery → Enrichment → Scoring"): SaaS
 * and FinTech companies in the UK and Ireland, 10 to 500 employees, 50 of them at quality 4.0 or
 * more, checked by {@link Streams#create} like every other goal.
 */
final class DemoSetup {
    static final String ORG = "demo";
    static final String STREAM = "UK SaaS and FinTech, 10-500 people (demo)";
    static final int COMPANIES = 50;
    static final double MIN_QUALITY = 4.0;

    /** The workflow's agents, in execution order: each depends on the one before it. */
    static final List<DemoAgent> AGENTS = List.of(
            new DemoAgent("opportunity_bot", "OpportunityBot", "primary"),
            new DemoAgent("enrichment_agent", "EnrichmentAgent", "enrichment"),
            new DemoAgent("scoring_agent", "ScoringAgent", "scoring"));

    private DemoSetup() {}

    record DemoAgent(String type, String name, String role) {}

    /**
     * What the demo works with, and what of it an earlier demo had made.
     *
     * @param agentIds the ids of {@link #AGENTS}, in that order
     */
    record Prepared(UUID orgId, Stream stream, List<UUID> agentIds, boolean orgReused, boolean streamReused) {}

    static Prepared prepare(DataSource dataSource, ReferenceData reference) {
        Organizations orgs = new Organizations(dataSource);
        boolean orgReused = orgs.find(ORG).isPresent();
        UUID orgId = orgs.findOrCreate(ORG);
        List<UUID> agentIds = AGENTS.stream()
                .map(agent -> orgs.agentOfType(orgId, agent.type(), agent.name()))
                .toList();
        Streams streams = new Streams(dataSource, reference);
        Optional<Stream> existing = existing(streams, orgId);
        Stream stream = existing.orElseGet(() -> streams.create(orgId, newStream()));
        return new Prepared(orgId, stream, agentIds, orgReused, existing.isPresent());
    }

    /** The oldest active demo stream of the org. */
    private static Optional<Stream> existing(Streams streams, UUID orgId) {
        return streams.list(orgId, 1000).stream()
                .filter(stream ->
                        stream.name().equals(STREAM) && stream.status().equals("active"))
                .min(Comparator.comparing(Stream::createdAt).thenComparing(Stream::id));
    }

    private static NewStream newStream() {
        ObjectNode criteria = Json.object();
        criteria.putArray("industry").add("SaaS").add("FinTech");
        criteria.putArray("location").add("UK").add("Ireland");
        criteria.putObject("employee_count").put("min", 10).put("max", 500);
        ObjectNode targets = Json.object();
        targets.put("companies_to_find", COMPANIES);
        targets.put("min_quality_score", MIN_QUALITY);
        return new NewStream(
                STREAM,
                "Made by agentry demo on the synthetic sample data: the seed's Discovery -> Enrichment -> Scoring "
                        + "example.",
                criteria,
                targets,
                null);
    }
}
