package io.agentry.scoring;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Sql;
import io.agentry.stream.Goal;
import io.agentry.support.Clock;
import io.agentry.support.Json;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Scores every company on a stream against its goal and ranks the stream by score (position 1 =
 * best): one statement reads the items with all their scores need, one writes their scores,
 * bands and ranks. Running it again on unchanged data computes the same values and writes no row,
 * so a retried attempt changes nothing.
 */
public final class Scoring {
    private static final Logger log = LoggerFactory.getLogger(Scoring.class);
    private static final String STREAM_ORG = "SELECT org_id FROM streams WHERE id = ?";

    /** Active items first, companies before notes, then by score, then as they were ranked. */
    private static final Comparator<Scored> RANK = Comparator.comparing(
                    (Scored s) -> !s.row().active())
            .thenComparing(s -> !s.row().isCompany())
            .thenComparing(Scored::score, Comparator.reverseOrder())
            .thenComparing(s -> s.row().position(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(s -> s.row().itemId());

    private final DataSource dataSource;
    private final ReferenceData reference;
    private final Clock clock;

    public Scoring(DataSource dataSource, ReferenceData reference, Clock clock) {
        this.dataSource = dataSource;
        this.reference = reference;
        this.clock = clock;
    }

    /**
     * Scores and ranks the items of {@code streamId} against {@code goal}.
     *
     * @throws IllegalArgumentException when the stream does not exist or is not {@code orgId}'s
     */
    public ScoringResult score(UUID orgId, UUID streamId, Goal goal) {
        Instant now = clock.now();
        return Sql.transaction(dataSource, connection -> {
            long started = clock.nanoTime();
            StreamItemsLock.lock(connection, streamId);
            checkStream(connection, orgId, streamId);
            Criteria criteria = Criteria.resolve(goal, reference, connection, Criteria.dayOf(now));
            ScoringRepository repository = new ScoringRepository(connection);
            List<Scored> items = new ArrayList<>();
            for (ScoringRepository.Row row : repository.read(criteria, orgId, streamId, now)) {
                items.add(Scored.of(row, now));
            }
            items.sort(RANK);
            long read = clock.nanoTime();
            List<ScoringRepository.Change> changes = new ArrayList<>(items.size());
            for (int i = 0; i < items.size(); i++) {
                changes.add(items.get(i).change(i + 1));
            }
            long scored = clock.nanoTime();
            int written = changes.isEmpty() ? 0 : repository.update(streamId, changes, now);
            log.debug(
                    "Scored {} items of stream {}: read {} ms, scored {} ms, {} rows written in {} ms",
                    items.size(),
                    streamId,
                    (read - started) / 1_000_000,
                    (scored - read) / 1_000_000,
                    written,
                    (clock.nanoTime() - scored) / 1_000_000);
            return result(items, written);
        });
    }

    private static void checkStream(Connection connection, UUID orgId, UUID streamId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(STREAM_ORG)) {
            statement.setObject(1, streamId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next() || !orgId.equals(row.getObject(1, UUID.class))) {
                    throw new IllegalArgumentException("stream " + streamId + " does not exist");
                }
            }
        }
    }

    private static ScoringResult result(List<Scored> items, int written) {
        List<Scored> companies = items.stream().filter(s -> s.row().isCompany()).toList();
        Map<Priority, Integer> bands = new EnumMap<>(Priority.class);
        double sum = 0;
        double[] components = new double[4];
        int high = 0;
        for (Scored item : companies) {
            Quality quality = item.quality();
            bands.merge(Priority.of(item.score()), 1, Integer::sum);
            sum += item.score();
            components[0] += quality.criteriaMatch();
            components[1] += quality.completeness();
            components[2] += quality.enrichment();
            components[3] += quality.signals();
            if (item.score() >= Priority.HIGH_QUALITY) {
                high++;
            }
        }
        int n = companies.size();
        if (n == 0) {
            return new ScoringResult(0, null, 0, bands, null, written);
        }
        Quality averages = new Quality(components[0] / n, components[1] / n, components[2] / n, components[3] / n);
        return new ScoringResult(n, Scores.round(sum / n, 2), high, bands, averages, written);
    }

    /**
     * An item with its quality (companies) or without (notes and tasks), and its score, computed
     * once: ranking compares it many times.
     */
    private record Scored(ScoringRepository.Row row, Quality quality, double score, List<String> reasons) {

        static Scored of(ScoringRepository.Row row, Instant now) {
            if (!row.isCompany()) {
                return new Scored(row, null, -1, List.of());
            }
            Quality quality = new Quality(
                    row.fit().criteriaMatch(),
                    Completeness.score(row.facts()),
                    row.enrichment().score(now),
                    row.signals());
            List<String> reasons = new ArrayList<>(row.fit().reasons());
            reasons.add(Completeness.reason(row.facts()));
            reasons.add(row.enrichment().reason(now));
            reasons.add(
                    row.liveSignals() == 0
                            ? "signals: none live"
                            : "signals: " + row.liveSignals() + " live: " + row.signalList());
            return new Scored(row, quality, quality.score(), reasons);
        }

        ScoringRepository.Change change(int position) {
            if (quality == null) {
                return new ScoringRepository.Change(row.itemId(), position, null, null);
            }
            ObjectNode metadata = Json.object();
            metadata.put("quality_score", score);
            metadata.put("scored_by", "scoring_agent");
            metadata.set("components", quality.toJson());
            metadata.set("criteria_match", row.fit().toJson());
            ArrayNode because = metadata.putArray("reasons");
            reasons.forEach(because::add);
            // Plain JSON: its strings come from the database and from here, so none holds the
            // U+0000 that writeForDatabase guards against.
            return new ScoringRepository.Change(
                    row.itemId(), position, Priority.of(score).value(), Json.write(metadata));
        }
    }
}
