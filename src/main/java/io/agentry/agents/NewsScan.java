package io.agentry.agents;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.agent.AgentContext;
import io.agentry.agent.Insight;
import io.agentry.signal.FeedEntry;
import io.agentry.signal.FeedReader;
import io.agentry.signal.FeedUnavailableException;
import io.agentry.signal.MonitoredCompany;
import io.agentry.signal.NewsSignals;
import io.agentry.signal.SignalType;
import io.agentry.support.Json;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The news part of a scout run: every configured feed is read once, and its entries matched
 * against all the run's companies. A feed that cannot be read is reported (in the output, the
 * stream's activity and a warning) and the run goes on with the others.
 */
final class NewsScan {
    private static final Logger log = LoggerFactory.getLogger(NewsScan.class);

    private NewsScan() {}

    static Scan run(
            FeedReader reader,
            List<MonitoredCompany> companies,
            ScoutSettings settings,
            Instant since,
            AgentContext context)
            throws InterruptedException {
        if (!settings.wantsAny(SignalType.NEWS_MENTION, SignalType.FUNDING_ROUND)) {
            return Scan.notRequested();
        }
        if (settings.feeds().isEmpty()) {
            return Scan.skipped("no feeds configured (configuration \"feeds\": a list of RSS or Atom URLs)");
        }
        List<FeedEntry> entries = new ArrayList<>();
        ArrayNode feeds = Json.MAPPER.createArrayNode();
        for (String url : settings.feeds()) {
            context.checkpoint();
            context.meter().apiCall();
            ObjectNode feed = feeds.addObject().put("url", url);
            try {
                List<FeedEntry> read = reader.read(url);
                entries.addAll(read);
                feed.put("status", "read").put("entries", read.size());
            } catch (FeedUnavailableException e) {
                log.warn("News feed unavailable: {}", e.getMessage());
                feed.put("status", "unavailable").put("error", e.reason());
                reportUnavailable(context, url, e.reason());
            }
        }
        ObjectNode report = Json.object();
        report.put("status", "checked");
        report.set("feeds", feeds);
        return new Scan(
                NewsSignals.detect(entries, companies, since, context.clock().now()), report);
    }

    private static void reportUnavailable(AgentContext context, String url, String reason) {
        context.stream()
                .activity(
                        "feed_unavailable:" + url,
                        "News feed unavailable: " + url + " (" + reason + ")",
                        Json.object().put("url", url).put("error", reason));
        LocalDate today = LocalDate.ofInstant(context.clock().now(), ZoneOffset.UTC);
        context.stream()
                .insight(new Insight(
                        Insight.Type.RISK_ALERT,
                        "News feed unavailable: " + url,
                        "The feed could not be read (" + reason + "); its news is missing from today's signals.",
                        Insight.Severity.WARNING,
                        Json.object().put("url", url).put("error", reason),
                        true,
                        // Once a day per feed: a feed that stays down is not news every run.
                        "scout:feed_unavailable:" + url + ":" + today));
    }
}
