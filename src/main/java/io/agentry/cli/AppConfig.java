package io.agentry.cli;

import io.agentry.db.DatabaseConfig;
import io.agentry.runner.Maintenance;
import io.agentry.runner.RunnerOptions;

/** Everything a node is configured with, read once from flags and {@code AGENTRY_*} variables. */
record AppConfig(DatabaseConfig database, RunnerOptions runner, Maintenance.Options maintenance) {

    static AppConfig from(DatabaseFlags database, RunnerFlags runner) {
        return new AppConfig(database.config(), runner.runnerOptions(), runner.maintenanceOptions());
    }
}
