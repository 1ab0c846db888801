package io.agentry.signal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.support.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Signals in news feed entries: an entry that names a monitored company (see {@link CompanyName}
 * for how names are matched) is a {@code news_mention}, 75 when the name is in the title, 60 when
 * only in the text; if the entry also speaks of money being raised ({@link #FUNDING_TERMS}) it is
 * a {@code funding_round} too, 80 or 65. A one-word name ("Acme") is 20 less sure: such words turn
 * up in news by chance. Entries published before the lookback window are skipped; entries without
 * a date count as current. The source reference is the entry's link, else its guid; an entry with
 * neither cannot be told apart from the next one and is skipped.
 */
public final class NewsSignals {
    static final int MENTION_IN_TITLE = 75;
    static final int MENTION_IN_TEXT = 60;
    static final int FUNDING_IN_TITLE = 80;
    static final int FUNDING_IN_TEXT = 65;
    static final int ONE_WORD_NAME = 20;

    /** Words and phrases of news about a company raising money, as {@link CompanyName#words} cuts them. */
    static final List<List<String>> FUNDING_TERMS = List.of(
            List.of("raises"),
            List.of("raised"),
            List.of("raising"),
            List.of("funding"),
            List.of("fundraise"),
            List.of("fundraising"),
            List.of("crowdfunding"),
            List.of("investment"),
            List.of("investors"),
            List.of("seed", "round"),
            List.of("pre", "seed"),
            List.of("series", "a"),
            List.of("series", "b"),
            List.of("series", "c"),
            List.of("series", "d"),
            List.of("venture", "capital"),
            List.of("growth", "capital"),
            List.of("equity", "round"),
            List.of("backed", "by"));

    private NewsSignals() {}

    /**
     * @param since entries published before this are old news
     * @param now when the entries were read: the event time of entries without a date
     */
    public static List<DetectedSignal> detect(
            Collection<FeedEntry> entries, Collection<MonitoredCompany> companies, Instant since, Instant now) {
        Map<String, List<Candidate>> byFirstWord = new HashMap<>();
        for (MonitoredCompany company : companies) {
            CompanyName name = CompanyName.of(company.name());
            if (name.isSearchable()) {
                byFirstWord
                        .computeIfAbsent(name.words().get(0), word -> new ArrayList<>())
                        .add(new Candidate(company, name));
            }
        }
        List<DetectedSignal> signals = new ArrayList<>();
        for (FeedEntry entry : entries) {
            String reference = entry.reference();
            if (reference == null
                    || entry.published() != null && entry.published().isBefore(since)) {
                continue;
            }
            List<String> title = CompanyName.words(entry.title());
            List<String> text = CompanyName.words(entry.text());
            List<String> all = new ArrayList<>(title);
            all.addAll(text);
            List<String> funding = fundingTerms(all);
            for (Candidate candidate : candidates(all, byFirstWord)) {
                boolean inTitle = candidate.name().isIn(title);
                if (!inTitle && !candidate.name().isIn(text)) {
                    continue;
                }
                int penalty = candidate.name().isOneWord() ? ONE_WORD_NAME : 0;
                Instant at = entry.published() == null ? now : entry.published();
                ObjectNode data = data(entry, candidate.name(), inTitle, funding);
                signals.add(DetectedSignal.of(
                        candidate.company().id(),
                        SignalType.NEWS_MENTION,
                        (inTitle ? MENTION_IN_TITLE : MENTION_IN_TEXT) - penalty,
                        data,
                        reference,
                        at));
                if (!funding.isEmpty()) {
                    signals.add(DetectedSignal.of(
                            candidate.company().id(),
                            SignalType.FUNDING_ROUND,
                            (inTitle ? FUNDING_IN_TITLE : FUNDING_IN_TEXT) - penalty,
                            data.deepCopy(),
                            reference,
                            at));
                }
            }
        }
        return signals;
    }

    private record Candidate(MonitoredCompany company, CompanyName name) {}

    /** The companies whose name starts with a word of the entry: the only ones that can match. */
    private static List<Candidate> candidates(List<String> words, Map<String, List<Candidate>> byFirstWord) {
        List<Candidate> candidates = new ArrayList<>();
        words.stream()
                .distinct()
                .map(byFirstWord::get)
                .filter(list -> list != null)
                .forEach(candidates::addAll);
        return candidates;
    }

    static List<String> fundingTerms(List<String> words) {
        List<String> found = new ArrayList<>();
        for (List<String> term : FUNDING_TERMS) {
            if (CompanyName.indexIn(words, term) >= 0) {
                found.add(String.join(" ", term));
            }
        }
        return found;
    }

    private static ObjectNode data(FeedEntry entry, CompanyName name, boolean inTitle, List<String> funding) {
        ObjectNode data = Json.object();
        data.put("source", "news_feed");
        data.put("feed", entry.feedUrl());
        data.put("title", entry.title());
        data.put("link", entry.link());
        data.put("guid", entry.guid());
        data.put(
                "published",
                entry.published() == null ? null : entry.published().toString());
        data.put("matched_name", name.toString());
        data.put("matched_in", inTitle ? "title" : "text");
        ArrayNode terms = data.putArray("funding_terms");
        funding.forEach(terms::add);
        return data;
    }
}
