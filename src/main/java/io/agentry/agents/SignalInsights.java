package io.agentry.agents;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.agent.Insight;
import io.agentry.signal.DetectedSignal;
import io.agentry.signal.MonitoredCompany;
import io.agentry.signal.SignalStrength;
import io.agentry.support.Json;
import java.util.Optional;

/**
 * The recommendation a strong signal makes: a reason to contact the company now. Keyed by the
 * signal itself, so a stream hears of each signal once, however many runs find it again.
 */
final class SignalInsights {
    private SignalInsights() {}

    static Optional<Insight> of(DetectedSignal signal, MonitoredCompany company) {
        if (signal.strength().compareTo(SignalStrength.STRONG) > 0) {
            return Optional.empty();
        }
        ObjectNode data = Json.object();
        data.put("company_id", company.id());
        data.put("company_number", company.companyNumber());
        data.put("company_name", company.name());
        data.put("signal_type", signal.type().value());
        data.put("signal_strength", signal.strength().value());
        data.put("confidence_score", signal.confidence());
        data.put("source_ref", signal.sourceRef());
        data.set("signal_data", signal.data());
        return Optional.of(new Insight(
                Insight.Type.RECOMMENDATION,
                title(signal, company.name()),
                "A " + signal.strength().value().replace('_', ' ') + " "
                        + signal.type().value().replace('_', ' ') + " signal (confidence " + signal.confidence()
                        + "): a good time to get in touch.",
                signal.strength() == SignalStrength.VERY_STRONG ? Insight.Severity.SUCCESS : Insight.Severity.INFO,
                data,
                true,
                "signal:" + signal.companyId() + ":" + signal.type().value() + ":" + signal.sourceRef()));
    }

    private static String title(DetectedSignal signal, String name) {
        JsonNode data = signal.data();
        return switch (signal.type()) {
            case JOB_POSTING -> name + " is hiring: " + data.path("job_count").asInt() + " open jobs";
            case FUNDING_ROUND ->
                data.has("title")
                        ? name + " raising money: " + data.path("title").asText()
                        : name + " allotted new shares (" + data.path("form").asText() + ", "
                                + data.path("date").asText() + ")";
            case EXECUTIVE_CHANGE ->
                name + ": " + data.path("role").asText() + " "
                        + data.path("event").asText() + ", " + data.path("name").asText() + " ("
                        + data.path("date").asText() + ")";
            case COMPANIES_HOUSE_FILING ->
                name + " filed " + data.path("form").asText("") + " at Companies House ("
                        + data.path("date").asText(data.path("made_up_date").asText()) + ")";
            case NEWS_MENTION -> name + " in the news: " + data.path("title").asText();
        };
    }
}
