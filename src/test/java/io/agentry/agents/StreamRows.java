package io.agentry.agents;

import io.agentry.db.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Streams for tests: {@code aStream(org).withCompanies(a, b).paused().insert(db)}. */
final class StreamRows {
    private final UUID orgId;
    private final List<Long> companies = new ArrayList<>();
    private String status = "active";

    private StreamRows(UUID orgId) {
        this.orgId = orgId;
    }

    static StreamRows aStream(UUID orgId) {
        return new StreamRows(orgId);
    }

    StreamRows withCompanies(long... ids) {
        for (long id : ids) {
            companies.add(id);
        }
        return this;
    }

    StreamRows paused() {
        status = "paused";
        return this;
    }

    UUID insert(DataSource dataSource) {
        return Sql.run(dataSource, connection -> {
            UUID stream;
            try (PreparedStatement statement = connection.prepareStatement(
                    "INSERT INTO streams (org_id, name, status) VALUES (?, 'UK SaaS prospects', ?) RETURNING id")) {
                statement.setObject(1, orgId);
                statement.setString(2, status);
                try (ResultSet rs = statement.executeQuery()) {
                    rs.next();
                    stream = rs.getObject(1, UUID.class);
                }
            }
            try (PreparedStatement statement = connection.prepareStatement("""
                    INSERT INTO stream_items (stream_id, item_type, company_id, title, position)
                    SELECT ?, 'company', c.id, c.name, row_number() OVER (ORDER BY c.id)
                    FROM companies c WHERE c.id = ANY (?::bigint[])""")) {
                statement.setObject(1, stream);
                statement.setArray(2, connection.createArrayOf("int8", companies.toArray()));
                statement.executeUpdate();
            }
            return stream;
        });
    }
}
