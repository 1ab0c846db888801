package io.agentry.signal;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.agentry.support.Threads;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jsoup.Jsoup;

/**
 * Reads RSS and Atom news feeds over HTTP ({@code java.net.http}), parsed with Rome. Thread-safe;
 * make one and share it. Each read is one GET with a deadline and a cap on the body, so a slow or
 * endless feed costs at most {@code requestTimeout} and {@code maxBytes}. Document type
 * declarations are refused (Rome's default), which closes the door on XML entity tricks.
 */
public final class FeedReader {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(20);
    public static final int DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

    private static final String ACCEPT =
            "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5";

    private final HttpClient http;
    private final Duration requestTimeout;
    private final int maxBytes;

    /**
     * @param requestTimeout the limit on one read: connecting, waiting and the whole body (1 ms to
     *     5 min)
     * @param maxBytes the largest feed read (1 KiB to 64 MiB); a longer one is refused, not cut
     */
    public FeedReader(Duration requestTimeout, int maxBytes) {
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative()
                || requestTimeout.isZero()
                || requestTimeout.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException(
                    "requestTimeout must be positive and at most 5 minutes, was " + requestTimeout);
        }
        if (maxBytes < 1024 || maxBytes > 64 * 1024 * 1024) {
            throw new IllegalArgumentException("maxBytes must be between 1 KiB and 64 MiB, was " + maxBytes);
        }
        this.requestTimeout = requestTimeout;
        this.maxBytes = maxBytes;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(requestTimeout)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .executor(Executors.newCachedThreadPool(Threads.factory("feeds-http")))
                .build();
    }

    /** 20 seconds, 5 MiB. */
    public static FeedReader defaults() {
        return new FeedReader(DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES);
    }

    /** The entries of the feed at {@code url}, in the feed's order. */
    public List<FeedEntry> read(String url) throws FeedUnavailableException, InterruptedException {
        URI uri = checkedUri(url);
        byte[] body = fetch(url, uri);
        SyndFeed feed;
        try {
            feed = new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(body)));
        } catch (FeedException | IOException | IllegalArgumentException e) {
            throw new FeedUnavailableException(url, "not an RSS or Atom feed: " + e.getMessage(), e);
        }
        List<FeedEntry> entries = new ArrayList<>();
        for (SyndEntry entry : feed.getEntries()) {
            Date published = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
            entries.add(new FeedEntry(
                    url,
                    plain(entry.getTitle()),
                    plain(text(entry)),
                    entry.getLink(),
                    entry.getUri(),
                    published == null ? null : published.toInstant()));
        }
        return entries;
    }

    static URI checkedUri(String url) throws FeedUnavailableException {
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return uri;
            }
        } catch (Exception e) {
            throw new FeedUnavailableException(url, "not an http or https URL", e);
        }
        throw new FeedUnavailableException(url, "not an http or https URL", null);
    }

    private byte[] fetch(String url, URI uri) throws FeedUnavailableException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Accept", ACCEPT)
                .header("User-Agent", userAgent())
                .GET()
                .build();
        // The request timeout covers the wait for the headers only; the deadline here covers the
        // body too, so a feed that trickles in slowly cannot hold the run.
        CompletableFuture<HttpResponse<byte[]>> exchange = http.sendAsync(
                request,
                info -> info.statusCode() / 100 == 2
                        ? new BoundedBody(maxBytes)
                        : HttpResponse.BodySubscribers.<byte[]>replacing(null));
        HttpResponse<byte[]> response;
        try {
            response = exchange.get(requestTimeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            exchange.cancel(true);
            throw new FeedUnavailableException(url, "no answer within " + requestTimeout.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            exchange.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof BoundedBody.TooLarge) {
                throw new FeedUnavailableException(url, cause.getMessage(), cause);
            }
            throw new FeedUnavailableException(
                    url, "no answer: " + cause.getClass().getSimpleName(), cause);
        }
        if (response.statusCode() / 100 != 2) {
            throw new FeedUnavailableException(url, "HTTP " + response.statusCode(), null);
        }
        return response.body();
    }

    private static String text(SyndEntry entry) {
        SyndContent description = entry.getDescription();
        if (description != null && description.getValue() != null) {
            return description.getValue();
        }
        for (SyndContent content : entry.getContents()) {
            if (content.getValue() != null) {
                return content.getValue();
            }
        }
        return null;
    }

    /** Markup removed and white space collapsed: news entries carry HTML in their text. */
    private static String plain(String value) {
        return value == null ? null : Jsoup.parse(value).text();
    }

    private static String userAgent() {
        String version = FeedReader.class.getPackage().getImplementationVersion();
        return "Agentry/" + (version == null ? "development" : version) + " (+https://github.com/agentry; feed reader)";
    }
}
