package io.agentry.analytics;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.agentry.db.Sql;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What an org's executions in a range say they cost: {@code metrics.cost_usd} and {@code
 * metrics.tokens_used} as the agents reported them, summed per agent and in total, whatever the
 * execution's status (a failed attempt was paid for too). Nothing is estimated: an execution that
 * reported no cost adds zero, and {@code executions_reporting_cost} says how many did report one.
 */
public final class Costs {
    /** The per-agent rows and the total (the empty grouping set) in one pass. */
    private static final String COSTS = """
            SELECT grouping(e.agent_id) = 1 AS is_total, e.agent_id, a.name AS agent_name, a.agent_type,
                   count(*) AS executions,
                   count(*) FILTER (WHERE jsonb_typeof(e.metrics -> 'cost_usd') = 'number')
                       AS executions_reporting_cost,
                   coalesce(sum((e.metrics ->> 'cost_usd')::numeric)
                            FILTER (WHERE jsonb_typeof(e.metrics -> 'cost_usd') = 'number'), 0) AS cost_usd,
                   coalesce(sum((e.metrics ->> 'tokens_used')::numeric)
                            FILTER (WHERE jsonb_typeof(e.metrics -> 'tokens_used') = 'number'), 0) AS tokens_used
            FROM agent_executions e
            LEFT JOIN ai_agents a ON a.id = e.agent_id AND a.org_id = e.org_id
            WHERE e.org_id = ? AND e.created_at >= ?
            GROUP BY GROUPING SETS ((e.agent_id, a.name, a.agent_type), ())
            ORDER BY is_total, cost_usd DESC, e.agent_id""";

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Total(BigDecimal costUsd, long tokensUsed, long executions, long executionsReportingCost) {}

    /** One agent's share; its name and type are null once it is deleted. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record AgentCost(
            UUID agentId,
            String agentName,
            String agentType,
            BigDecimal costUsd,
            long tokensUsed,
            long executions,
            long executionsReportingCost) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Report(Total total, List<AgentCost> agents) {}

    private final DataSource dataSource;

    public Costs(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The range's costs, the most expensive agent first. */
    public Report since(UUID orgId, Instant from) {
        return Sql.run(dataSource, connection -> {
            Total total = new Total(BigDecimal.ZERO, 0, 0, 0);
            List<AgentCost> agents = new ArrayList<>();
            try (PreparedStatement statement = Analytics.prepare(connection, COSTS, orgId, from);
                    ResultSet rs = statement.executeQuery()) {
                while (rs.next()) {
                    BigDecimal cost = rs.getBigDecimal("cost_usd");
                    long tokens = rs.getBigDecimal("tokens_used").longValue();
                    long executions = rs.getLong("executions");
                    long reporting = rs.getLong("executions_reporting_cost");
                    if (rs.getBoolean("is_total")) {
                        total = new Total(cost, tokens, executions, reporting);
                    } else {
                        agents.add(new AgentCost(
                                Sql.uuid(rs, "agent_id"),
                                rs.getString("agent_name"),
                                rs.getString("agent_type"),
                                cost,
                                tokens,
                                executions,
                                reporting));
                    }
                }
            }
            return new Report(total, agents);
        });
    }
}
