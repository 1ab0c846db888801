package io.agentry.enrichment;

import io.agentry.company.reference.SizeBands;
import io.agentry.support.Clock;
import io.agentry.support.Threads;
import io.agentry.website.WebsiteAnalysis;
import io.agentry.website.WebsiteAnalyzer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * One batch of companies through every source at once. Companies House steps run on {@code
 * companiesHouseConcurrency} threads, websites on the analyzer's threads, side by side; a
 * company is complete when both its results are in, and the calling thread stores complete
 * companies {@value #WRITE_BATCH} at a time (fewer for the last) as they come. Nothing waits on
 * anything unbounded: every request has a timeout, every site a budget, and the Companies House
 * step defers rather than wait for the rate limit.
 *
 * <p>A source's failure for one company is that company's result. Anything else thrown on a
 * worker (a bug) ends the batch and is rethrown on the calling thread; so is an interrupt, after
 * which {@link #close} stops the workers.
 */
final class EnrichmentBatch implements AutoCloseable {
    static final int WRITE_BATCH = 100;

    /** Stores a complete group of companies; may stop the batch by throwing. */
    @FunctionalInterface
    interface Store {
        void save(List<CompanyEnrichment> companies) throws InterruptedException;
    }

    private record Completion(CompanyEnrichment enrichment, Throwable failure) {}

    private final CompaniesHouseStep companiesHouse;
    private final WebsiteAnalyzer websites;
    private final SizeBands sizeBands;
    private final Clock clock;
    private final ExecutorService companiesHouseWorkers;
    private final ExecutorService websiteRunner;
    private final BlockingQueue<Completion> completions = new LinkedBlockingQueue<>();

    EnrichmentBatch(
            CompaniesHouseStep companiesHouse,
            int companiesHouseConcurrency,
            WebsiteAnalyzer websites,
            SizeBands sizeBands,
            Clock clock) {
        this.companiesHouse = companiesHouse;
        this.websites = websites;
        this.sizeBands = sizeBands;
        this.clock = clock;
        this.companiesHouseWorkers =
                Executors.newFixedThreadPool(companiesHouseConcurrency, Threads.factory("enrichment-companies-house"));
        this.websiteRunner = Executors.newSingleThreadExecutor(Threads.factory("enrichment-websites"));
    }

    /** Enriches {@code companies}, handing them to {@code store} as they complete; returns when all are stored. */
    void run(List<DueCompany> companies, Store store) throws InterruptedException {
        Map<String, List<PendingCompany>> byWebsite = new LinkedHashMap<>();
        List<PendingCompany> awaitingCompaniesHouse = new ArrayList<>();
        for (DueCompany company : companies) {
            PendingCompany pending = new PendingCompany(company);
            if (company.companiesHouseOnly()) {
                deliverWebsite(pending, null);
            } else if (company.website() == null || company.website().isBlank()) {
                deliverWebsite(pending, WebsiteResult.noWebsite());
            } else {
                byWebsite
                        .computeIfAbsent(company.website(), url -> new ArrayList<>())
                        .add(pending);
            }
            if (companiesHouse.configured()) {
                awaitingCompaniesHouse.add(pending);
            } else {
                deliverCompaniesHouse(pending, companiesHouse.fetch(company.companyNumber()));
            }
        }
        if (!byWebsite.isEmpty()) {
            analyzeWebsites(byWebsite);
        }
        for (PendingCompany pending : awaitingCompaniesHouse) {
            companiesHouseWorkers.execute(() -> {
                try {
                    deliverCompaniesHouse(
                            pending, companiesHouse.fetch(pending.company().companyNumber()));
                } catch (RuntimeException | Error e) {
                    completions.add(new Completion(null, e));
                }
            });
        }
        collect(companies.size(), store);
    }

    private void analyzeWebsites(Map<String, List<PendingCompany>> byWebsite) {
        websiteRunner.execute(() -> {
            try {
                websites.analyzeAll(byWebsite.keySet(), analysis -> delivered(byWebsite, analysis));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException | Error e) {
                completions.add(new Completion(null, e));
            }
        });
    }

    private void delivered(Map<String, List<PendingCompany>> byWebsite, WebsiteAnalysis analysis) {
        WebsiteResult result = WebsiteResult.of(analysis);
        for (PendingCompany pending : byWebsite.get(analysis.requestedUrl())) {
            deliverWebsite(pending, result);
        }
    }

    private void deliverCompaniesHouse(PendingCompany pending, CompaniesHouseResult result) {
        if (pending.companiesHouse(result)) {
            complete(pending);
        }
    }

    private void deliverWebsite(PendingCompany pending, WebsiteResult result) {
        if (pending.website(result)) {
            complete(pending);
        }
    }

    private void complete(PendingCompany pending) {
        CompaniesHouseResult companiesHouseResult = pending.companiesHouseResult();
        completions.add(new Completion(
                new CompanyEnrichment(
                        pending.company(),
                        companiesHouseResult,
                        pending.websiteResult(),
                        Estimate.of(sizeBands, pending.company(), companiesHouseResult),
                        clock.now()),
                null));
    }

    private void collect(int expected, Store store) throws InterruptedException {
        List<CompanyEnrichment> ready = new ArrayList<>();
        int received = 0;
        while (received < expected) {
            Completion completion = completions.take();
            if (completion.failure() instanceof RuntimeException failure) {
                throw failure;
            }
            if (completion.failure() instanceof Error failure) {
                throw failure;
            }
            ready.add(completion.enrichment());
            received++;
            if (ready.size() >= WRITE_BATCH || received == expected) {
                store.save(List.copyOf(ready));
                ready.clear();
            }
        }
    }

    @Override
    public void close() {
        companiesHouseWorkers.shutdownNow();
        // Interrupting the thread in analyzeAll cancels this batch's sites on the shared analyzer.
        websiteRunner.shutdownNow();
    }
}
