package io.agentry.website;

import io.agentry.support.Clock;
import io.agentry.support.Threads;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.function.Consumer;

/**
 * Fetches company home pages, politely, and says what is on them: title, description,
 * technologies, social profiles, contact addresses, the careers page and how many jobs it lists.
 * See docs/website-analysis.md.
 *
 * <p>Politeness holds across everything one analyzer does: robots.txt is read once per origin and
 * honoured on every hop; one host gets one request at a time (see {@link HostGate}), whether its
 * URLs come from many sites or from redirects; every exchange has a deadline and every body a size
 * cap. Build one analyzer for a batch of sites and share it between threads; close it when done.
 *
 * <p>{@link #analyzeAll} runs {@link WebsiteOptions#concurrency()} sites at a time, on threads of
 * the project's thread factory. URLs of one host are analysed one after the other by one thread,
 * so they take one worker rather than several waiting on the host's turn.
 */
public final class WebsiteAnalyzer implements AutoCloseable {
    private final ExecutorService workers;
    private final ExecutorService clientThreads;
    private final ScheduledExecutorService timer;
    private final SiteVisit visit;

    public WebsiteAnalyzer(WebsiteOptions options) {
        this(options, Clock.system());
    }

    /** With {@code clock} as the source of every duration and deadline. */
    public WebsiteAnalyzer(WebsiteOptions options, Clock clock) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(clock, "clock");
        TechSignatures signatures = TechSignatures.load();
        this.workers = Executors.newFixedThreadPool(options.concurrency(), Threads.factory("website"));
        this.clientThreads = Executors.newCachedThreadPool(Threads.factory("website-http"));
        ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1, Threads.factory("website-timer"));
        deadlines.setRemoveOnCancelPolicy(true);
        this.timer = deadlines;
        HttpClient.Builder client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(options.requestTimeout())
                .version(HttpClient.Version.HTTP_1_1)
                .executor(clientThreads);
        if (options.proxy() != null) {
            client.proxy(options.proxy());
        }
        HttpFetcher fetcher = new HttpFetcher(
                client.build(), new HostGate(), timer, clock, options.userAgent(), options.requestTimeout());
        RobotsCache robots = new RobotsCache(fetcher, options.productToken());
        this.visit = new SiteVisit(options, clock, new Navigator(fetcher, robots, options.maxRedirects()), signatures);
    }

    /** Analyses one site on the calling thread. */
    public WebsiteAnalysis analyze(String url) throws InterruptedException {
        return visit.analyze(url);
    }

    /**
     * Analyses the sites, {@link WebsiteOptions#concurrency()} at a time, and returns when all are
     * done: one entry per distinct URL, in the order given.
     */
    public Map<String, WebsiteAnalysis> analyzeAll(Collection<String> urls) throws InterruptedException {
        Map<String, WebsiteAnalysis> results = new ConcurrentHashMap<>();
        analyzeAll(urls, analysis -> results.put(analysis.requestedUrl(), analysis));
        Map<String, WebsiteAnalysis> ordered = new LinkedHashMap<>();
        for (String url : urls) {
            ordered.put(url, results.get(url));
        }
        return ordered;
    }

    /**
     * Analyses the sites, {@link WebsiteOptions#concurrency()} at a time, handing each result to
     * {@code onResult} as soon as it is ready, on the worker thread that made it: {@code onResult}
     * must be safe to call from several threads at once. Returns when every site is done. A
     * failure of {@code onResult} stops the remaining work and is rethrown here; so is an
     * interrupt, as {@link InterruptedException}.
     */
    public void analyzeAll(Collection<String> urls, Consumer<WebsiteAnalysis> onResult) throws InterruptedException {
        Objects.requireNonNull(onResult, "onResult");
        Map<String, List<String>> byHost = new LinkedHashMap<>();
        for (String url : new LinkedHashSet<>(urls)) {
            if (url == null) {
                throw new IllegalArgumentException("urls must not contain null");
            }
            byHost.computeIfAbsent(SiteAddress.hostOf(url), host -> new ArrayList<>())
                    .add(url);
        }
        List<Future<?>> pending = new ArrayList<>();
        for (List<String> sameHost : byHost.values()) {
            pending.add(workers.submit(() -> {
                for (String url : sameHost) {
                    onResult.accept(visit.analyze(url));
                }
                return null;
            }));
        }
        try {
            for (Future<?> future : pending) {
                future.get();
            }
        } catch (InterruptedException e) {
            pending.forEach(f -> f.cancel(true));
            throw e;
        } catch (ExecutionException e) {
            pending.forEach(f -> f.cancel(true));
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException("analysing websites failed", e.getCause());
        }
    }

    /** Stops the worker threads, interrupting any analysis still running. */
    @Override
    public void close() {
        workers.shutdownNow();
        clientThreads.shutdownNow();
        timer.shutdownNow();
    }
}
