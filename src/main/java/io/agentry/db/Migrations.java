package io.agentry.db;

import java.util.Arrays;
import java.util.Comparator;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationInfoService;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Brings the schema up to date with the SQL migrations in {@code db/migration}. */
public final class Migrations {
    private static final Logger log = LoggerFactory.getLogger(Migrations.class);

    private Migrations() {}

    public static MigrateResult migrate(DataSource dataSource) {
        MigrateResult result = flyway(dataSource).migrate();
        if (result.migrationsExecuted > 0) {
            log.info(
                    "Applied {} migration(s); schema now at version {}",
                    result.migrationsExecuted,
                    result.targetSchemaVersion);
        }
        return result;
    }

    /** Where a database's schema stands against this build's migrations. */
    public enum State {
        /** No migration was ever applied. */
        MISSING,
        OLDER,
        CURRENT,
        /** Migrated by a later build than this one. */
        NEWER
    }

    /**
     * @param installed the version of the last migration applied, or {@code null} when {@link
     *     State#MISSING}
     * @param required the version of this build's last migration
     */
    public record Schema(State state, String installed, String required) {}

    /** Reads the schema history only; changes nothing. */
    public static Schema inspect(DataSource dataSource) {
        MigrationInfoService info = flyway(dataSource).info();
        MigrationVersion required = Arrays.stream(info.all())
                .filter(migration -> migration.getState().isResolved())
                .map(MigrationInfo::getVersion)
                .max(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("no migrations in db/migration"));
        MigrationInfo current = info.current();
        if (current == null) {
            return new Schema(State.MISSING, null, required.getVersion());
        }
        int comparison = current.getVersion().compareTo(required);
        State state = comparison < 0 ? State.OLDER : comparison == 0 ? State.CURRENT : State.NEWER;
        return new Schema(state, current.getVersion().getVersion(), required.getVersion());
    }

    private static Flyway flyway(DataSource dataSource) {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .load();
    }
}
