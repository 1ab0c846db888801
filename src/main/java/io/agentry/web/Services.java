package io.agentry.web;

import io.agentry.company.reference.ReferenceData;
import io.agentry.db.Database;
import io.agentry.runner.Runner;
import io.agentry.support.Clock;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;

/**
 * What the routes work with: the node's database, runner and clock, its meters, and the reference
 * data it was started with (a stream's goal is checked against it, as the command line checks it).
 */
public record Services(
        Database database, Runner runner, Clock clock, PrometheusMeterRegistry meters, ReferenceData reference) {}
