package io.agentry.company;

import io.agentry.db.Database;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the import tests share: a listener that keeps the problems reported, and a query of one column. */
final class RecordedImport implements ImportListener {
    final List<ImportProblem> problems = new ArrayList<>();

    @Override
    public void progress(ImportProgress progress) {}

    @Override
    public void problem(ImportProblem problem) {
        problems.add(problem);
    }

    /** The first column of every row {@code sql} returns, as text. */
    static List<String> query(Database database, String sql) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            List<String> values = new ArrayList<>();
            while (rows.next()) {
                values.add(rows.getString(1));
            }
            return values;
        }
    }
}
