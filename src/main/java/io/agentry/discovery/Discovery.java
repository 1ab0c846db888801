package io.agentry.discovery;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.DatabaseException;
import io.agentry.db.Sql;
import io.agentry.scoring.Criteria;
import io.agentry.scoring.Priority;
import io.agentry.scoring.StreamItemsLock;
import io.agentry.stream.Goal;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Discovery: adds to a stream the catalogue's best companies for its goal (docs/discovery.md).
 *
 * <p>The goal's industries, places and "active" are filters; the rest of the goal makes a
 * company's score (5 × its {@linkplain io.agentry.scoring.CriteriaSql criteria match}). A run tops
 * the stream up to {@code companies_to_find} items scoring at least {@code min_quality_score},
 * counting those already there, with the best companies not yet on it ({@link BestFirstSearch}),
 * in one insert that skips a company already on the stream. So a second run adds the next best,
 * and a retried attempt, finding its first attempt's items, adds nothing twice. A run holds the
 * stream's {@link StreamItemsLock} from its first read to its commit.
 */
public final class Discovery {
    private final DataSource dataSource;
    private final ReferenceData reference;
    private final Clock clock;

    public Discovery(DataSource dataSource, ReferenceData reference, Clock clock) {
        this.dataSource = dataSource;
        this.reference = reference;
        this.clock = clock;
    }

    /**
     * Runs discovery for the request, in one transaction.
     *
     * @throws IllegalArgumentException when the stream does not exist or is not the org's
     */
    public DiscoveryResult discover(DiscoveryRequest request) {
        return Sql.transaction(dataSource, connection -> run(connection, request, Plans.NONE));
    }

    /**
     * The plans ({@code EXPLAIN (ANALYZE, BUFFERS)}) of every statement a run for this request
     * makes, each titled with what it reads; the run itself is rolled back.
     */
    public List<String> explain(DiscoveryRequest request) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                Plans plans = Plans.recording();
                run(connection, request, plans);
                return plans.plans();
            } finally {
                connection.rollback();
            }
        } catch (SQLException e) {
            throw new DatabaseException(e);
        }
    }

    private DiscoveryResult run(Connection connection, DiscoveryRequest request, Plans plans) throws SQLException {
        Instant now = clock.now();
        Goal goal = request.goal();
        StreamItemsLock.lock(connection, request.streamId());
        Criteria criteria = Criteria.resolve(goal, reference, connection, Criteria.dayOf(now));
        DiscoveryRepository repository = new DiscoveryRepository(connection, criteria, request.streamId(), plans);
        repository.customPlans();
        DiscoveryRepository.StreamState stream = repository.stream(goal.minQualityScore())
                .filter(found -> found.orgId().equals(request.orgId()))
                .orElseThrow(() -> new IllegalArgumentException("stream " + request.streamId() + " does not exist"));
        int wanted = goal.companiesToFind() - stream.qualified();
        BestFirstSearch.Found found = wanted > 0
                ? new BestFirstSearch(repository).run(wanted, goal.minQualityScore())
                : new BestFirstSearch.Found(List.of(), 0);
        List<Long> added = List.of();
        if (!found.best().isEmpty()) {
            List<Long> ids = new ArrayList<>();
            List<String> priorities = new ArrayList<>();
            List<String> metadata = new ArrayList<>();
            for (Candidate candidate : found.best()) {
                ids.add(candidate.companyId());
                priorities.add(Priority.of(candidate.score()).value());
                // Plain JSON: its strings come from the database and from here, so none holds the
                // U+0000 that writeForDatabase guards against.
                metadata.add(Json.write(metadata(candidate, ids.size(), request, now)));
            }
            added = repository.insert(request.agentId(), ids, priorities, metadata, now);
        }
        DiscoveryRepository.ExecutionItems created = request.executionId() != null
                ? repository.executionItems(request.executionId())
                : itemsOf(found.best(), added);
        // What the execution added, and what this attempt's search read beyond the target.
        int companiesFound = created.count() + found.total() - added.size();
        return new DiscoveryResult(
                companiesFound,
                created.count(),
                stream.qualified() + added.size(),
                created.avgScore(),
                created.highQuality(),
                added,
                created.companyIds(),
                goal.companiesToFind());
    }

    /** {@code rank}: the company's place among those the run chose, 1 = best. */
    private static ObjectNode metadata(Candidate candidate, int rank, DiscoveryRequest request, Instant now) {
        ObjectNode metadata = Json.object();
        metadata.put("quality_score", candidate.score());
        metadata.put("scored_by", "opportunity_bot");
        metadata.set("criteria_match", candidate.fit().toJson());
        ArrayNode reasons = metadata.putArray("reasons");
        candidate.fit().reasons().forEach(reasons::add);
        ObjectNode by = metadata.putObject("discovered_by");
        by.put("agent_id", request.agentId().toString());
        if (request.executionId() != null) {
            by.put("execution_id", request.executionId().toString());
        }
        by.put("attempt", request.attempt());
        by.put("rank", rank);
        by.put("at", now.toString());
        return metadata;
    }

    /** The totals of the items this run added, when it belongs to no execution. */
    private static DiscoveryRepository.ExecutionItems itemsOf(List<Candidate> best, List<Long> added) {
        Map<Long, Candidate> byId = best.stream().collect(Collectors.toMap(Candidate::companyId, Function.identity()));
        List<Double> scores = added.stream().map(id -> byId.get(id).score()).toList();
        if (scores.isEmpty()) {
            return new DiscoveryRepository.ExecutionItems(0, null, 0, List.of());
        }
        double sum = scores.stream().mapToDouble(Double::doubleValue).sum();
        int high = (int) scores.stream().filter(s -> s >= Priority.HIGH_QUALITY).count();
        return new DiscoveryRepository.ExecutionItems(
                scores.size(), Math.round(sum / scores.size() * 100) / 100.0, high, added);
    }
}
