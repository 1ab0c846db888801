package io.agentry.agents;

import io.agentry.db.Sql;
import io.agentry.signal.MonitoredCompany;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** The companies a scout watches: those on its stream, or, without one, those on the org's active streams. */
final class ScoutCompanies {
    private static final String ON_STREAMS = """
            SELECT DISTINCT c.id, c.company_number, c.name, c.website
            FROM stream_items i
            JOIN streams s ON s.id = i.stream_id
            JOIN companies c ON c.id = i.company_id
            WHERE s.org_id = ? AND i.item_type = 'company' AND i.status = 'active'
              AND CASE WHEN ?::uuid IS NULL THEN s.status = 'active' ELSE s.id = ?::uuid END
            ORDER BY c.id""";

    private ScoutCompanies() {}

    /** @param streamId the stream to watch; null for every active stream of the org */
    static List<MonitoredCompany> load(DataSource dataSource, UUID orgId, UUID streamId) {
        return Sql.run(dataSource, connection -> {
            try (PreparedStatement statement = connection.prepareStatement(ON_STREAMS)) {
                statement.setObject(1, orgId);
                statement.setObject(2, streamId);
                statement.setObject(3, streamId);
                List<MonitoredCompany> companies = new ArrayList<>();
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        companies.add(new MonitoredCompany(
                                rs.getLong("id"),
                                rs.getString("company_number"),
                                rs.getString("name"),
                                rs.getString("website")));
                    }
                }
                return companies;
            }
        });
    }
}
