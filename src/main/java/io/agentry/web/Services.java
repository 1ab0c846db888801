package io.agentry.web;

import io.agentry.db.Database;
import io.agentry.event.EventHub;
import io.agentry.runner.Runner;
import io.agentry.support.Clock;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/** What the routes work with: the node's database, runner and clock, its meters, and its live events. */
public record Services(
        Database database, Runner runner, Clock clock, PrometheusMeterRegistry meters, EventHub events) {}
