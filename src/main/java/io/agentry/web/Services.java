package io.agentry.web;

import io.agentry.db.Database;
import io.agentry.runner.Runner;
import io.agentry.support.Clock;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** What the routes work with: the node's database, runner and clock, and its meters. */
public record Services(Database database, Runner runner, Clock clock, PrometheusMeterRegistry meters) {}
