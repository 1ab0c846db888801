package io.agentry.discovery;

import static org.assertj.core.api.Assertions.assertThat;

import io.agentry.company.CompanyImport;
import io.agentry.company.ImportListener;
import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.db.Sql;
import io.agentry.sample.SyntheticCompanies;
import io.agentry.scoring.Criteria;
import io.agentry.scoring.CriteriaSql;
import io.agentry.stream.Goal;
import io.agentry.support.Json;
import io.agentry.testing.Fixtures;
import io.agentry.testing.SettableClock;
import io.agentry.testing.TestDatabase;
import io.agentry.testing.TestStreams;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The search reads a few companies per size band, yet must find what scoring every match in the
 * catalogue and taking the best would: checked on a generated catalogue, against exactly that.
 */
class BestFirstSearchTest {
    private static final Instant NOW = Instant.parse("2025-06-01T09:00:00Z");

    private static Database database;
    private static Fixtures fixtures;

    @BeforeAll
    static void aGeneratedCatalogue() throws Exception {
        database = TestDatabase.fresh();
        fixtures = new Fixtures(database);
        Path file = Files.createTempFile("synthetic", ".csv");
        try {
            new SyntheticCompanies(SyntheticCompanies.SAMPLE_SEED).write(file, 6000);
            new CompanyImport(database, ReferenceData.bundled(), ImportListener.SILENT, new SettableClock(NOW))
                    .run(file);
        } finally {
            Files.delete(file);
        }
        // Some companies have been enriched: a headcount or turnover known, in any band.
        fixtures.execute("UPDATE companies SET employee_count = (id * 37) % 700, employee_count_source = 'careers page'"
                + " WHERE id % 23 = 0");
        fixtures.execute(
                "UPDATE companies SET revenue_estimate_gbp = (id * 7919) % 30000000, revenue_source = 'filed accounts'"
                        + " WHERE id % 29 = 0");
    }

    @AfterAll
    static void tearDown() {
        database.close();
    }

    @ParameterizedTest(name = "{0}: {1} then {2} companies scoring {3} or more")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"industry\": [\"SaaS\", \"FinTech\"], \"location\": [\"UK\", \"Ireland\"], \"employee_count\": {\"min\": 10, \"max\": 500}} | 50 | 120 | 3.0",
                "{\"industry\": [\"SaaS\", \"FinTech\"], \"location\": [\"UK\"], \"employee_count\": {\"min\": 10, \"max\": 500}} | 20 | 40 | 4.0",
                "{\"industry\": [\"J\"], \"employee_count\": {\"min\": 1, \"max\": 50}} | 30 | 400 | 3.5",
                "{\"industry\": [\"Construction\"], \"revenue\": {\"min\": 1000000}} | 40 | 300 | 2.0",
                "{\"location\": [\"London\"], \"employee_count\": {\"max\": 10}, \"revenue\": {\"max\": 2000000}} | 25 | 60 | 4.5",
                "{\"industry\": [\"SaaS\"]} | 10 | 30 | 3.0",
                "{\"location\": [\"Scotland\"]} | 100 | 10000 | 0.0",
            })
    void finds_what_scoring_every_match_would(String criteria, int first, int second, double minQuality) {
        UUID org = fixtures.organization();
        UUID agent = fixtures.agent(org, "opportunity_bot");
        UUID stream = TestStreams.aStream(database.dataSource(), org, criteria, "{}");

        discover(org, agent, stream, goal(criteria, first, minQuality));
        assertThat(scoresOnStream(stream)).isEqualTo(best(goal(criteria, first, minQuality), first));

        discover(org, agent, stream, goal(criteria, second, minQuality));
        assertThat(scoresOnStream(stream)).isEqualTo(best(goal(criteria, second, minQuality), second));
        assertThat(scoresOnStream(stream)).isNotEmpty();
    }

    private static void discover(UUID org, UUID agent, UUID stream, Goal goal) {
        new Discovery(database.dataSource(), ReferenceData.bundled(), new SettableClock(NOW))
                .discover(new DiscoveryRequest(org, stream, agent, null, 1, goal));
    }

    private static Goal goal(String criteria, int companies, double minQuality) {
        return Goal.of(
                Json.read(criteria),
                Json.object().put("companies_to_find", companies).put("min_quality_score", minQuality),
                ReferenceData.bundled());
    }

    /** Every active match scored, the best {@code limit} scores. */
    private static List<Double> best(Goal goal, int limit) {
        return Sql.run(database.dataSource(), connection -> {
            Criteria criteria = Criteria.resolve(goal, ReferenceData.bundled(), connection, Criteria.dayOf(NOW));
            String sql = "SELECT " + DiscoveryRepository.SCORE + " FROM " + CriteriaSql.CRITERIA
                    + " CROSS JOIN companies c " + CriteriaSql.MATCH + " WHERE c.status = 'Active'"
                    + (criteria.anyIndustry() ? "" : " AND " + CriteriaSql.INDUSTRY_FILTER)
                    + (criteria.anyLocation() ? "" : " AND " + CriteriaSql.LOCATION_FILTER)
                    + " AND " + DiscoveryRepository.SCORE + " >= ? ORDER BY 1 DESC LIMIT ?";
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                int i = CriteriaSql.bind(statement, 1, criteria);
                statement.setDouble(i++, goal.minQualityScore());
                statement.setInt(i, limit);
                return scores(statement);
            }
        });
    }

    private static List<Double> scoresOnStream(UUID stream) {
        return Sql.run(database.dataSource(), connection -> {
            try (PreparedStatement statement = connection.prepareStatement(
                    "SELECT (metadata ->> 'quality_score')::numeric FROM stream_items WHERE stream_id = ? ORDER BY 1 DESC")) {
                statement.setObject(1, stream);
                return scores(statement);
            }
        });
    }

    private static List<Double> scores(PreparedStatement statement) throws java.sql.SQLException {
        List<Double> scores = new ArrayList<>();
        try (ResultSet row = statement.executeQuery()) {
            while (row.next()) {
                scores.add(row.getBigDecimal(1).doubleValue());
            }
        }
        return scores;
    }
}
