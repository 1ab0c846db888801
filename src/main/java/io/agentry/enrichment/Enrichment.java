package io.agentry.enrichment;

import io.agentry.agent.AgentContext;
import io.agentry.support.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Enriches a stream's companies that are due (see docs/enrichment.md): picks them in SQL, asks
 * Companies House and their websites side by side, derives size estimates, and stores the
 * results a batch at a time, recording per company which sources ran, which were skipped and
 * why, which failed and how, and which were deferred.
 *
 * <p>A retried or rescued attempt repeats nothing that was stored: what was stored is no longer
 * due, and every write replaces rather than adds.
 */
public final class Enrichment {
    private static final Logger log = LoggerFactory.getLogger(Enrichment.class);

    private final EnrichmentSources sources;

    public Enrichment(EnrichmentSources sources) {
        this.sources = Objects.requireNonNull(sources, "sources");
    }

    /**
     * Enriches one batch of the stream's due companies with the attempt's database, clock and
     * meter: one item processed per company stored, one API call per Companies House request.
     *
     * @throws InterruptedException when the attempt is asked to stop; what was stored stays
     */
    public EnrichmentReport run(AgentContext context, UUID streamId, EnrichmentOptions options)
            throws InterruptedException {
        Objects.requireNonNull(context.database(), "the attempt has no database");
        Clock clock = context.clock();
        Instant staleBefore = clock.now().minus(options.staleAfter());
        EnrichmentRepository repository = new EnrichmentRepository(context.database());
        EnrichmentRepository.Due due = repository.due(streamId, staleBefore, options.batchSize());
        EnrichmentReport.Tally tally = new EnrichmentReport.Tally();
        CompaniesHouseStep companiesHouse = CompaniesHouseStep.of(
                sources.companiesHouse(), sources.companiesHouseLimit(), clock, sources.sleeper());
        if (!due.companies().isEmpty()) {
            try (EnrichmentBatch batch = new EnrichmentBatch(
                    companiesHouse,
                    options.companiesHouseConcurrency(),
                    sources.websites(),
                    sources.sizeBands(),
                    clock)) {
                batch.run(due.companies(), companies -> store(context, repository, tally, companies));
            } finally {
                for (long i = companiesHouse.requests(); i > 0; i--) {
                    context.meter().apiCall();
                }
            }
        }
        int itemsUpdated = repository.syncItems(streamId);
        EnrichmentRepository.Coverage coverage = repository.coverage(streamId, staleBefore);
        EnrichmentReport report = new EnrichmentReport(
                due.total(),
                tally.processed,
                tally.enriched,
                itemsUpdated,
                companiesHouse.configured(),
                companiesHouse.requests(),
                tally.companiesHouse,
                tally.websites,
                tally.estimates,
                coverage.companies(),
                coverage.enriched());
        log.info(
                "Enriched {} of {} due companies of stream {} ({} Companies House requests); {} items updated",
                report.enriched(),
                report.due(),
                streamId,
                report.companiesHouseRequests(),
                report.itemsUpdated());
        return report;
    }

    private static void store(
            AgentContext context,
            EnrichmentRepository repository,
            EnrichmentReport.Tally tally,
            List<CompanyEnrichment> companies)
            throws InterruptedException {
        context.checkpoint();
        repository.save(companies);
        companies.forEach(tally::add);
        context.meter().itemsProcessed(companies.size());
    }
}
