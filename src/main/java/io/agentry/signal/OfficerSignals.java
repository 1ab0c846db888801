package io.agentry.signal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.companieshouse.Officer;
import io.agentry.companieshouse.Officers;
import io.agentry.support.Json;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code executive_change} signals in a company's officers: an appointment or a resignation on or
 * after the start of the lookback window. A director (or an LLP member, the partnership's
 * equivalent) coming in brings a new agenda and often a budget, so it weighs most; one leaving
 * leaves a gap to fill; a secretary or other officer says less. The source reference is the
 * officer's appointments link (the register's id of the person) with the event and its date.
 */
public final class OfficerSignals {
    static final int DIRECTOR_APPOINTED = 80;
    static final int DIRECTOR_RESIGNED = 65;
    static final int OTHER_APPOINTED = 50;
    static final int OTHER_RESIGNED = 40;

    private OfficerSignals() {}

    public static List<DetectedSignal> detect(MonitoredCompany company, Officers officers, LocalDate since) {
        List<DetectedSignal> signals = new ArrayList<>();
        for (Officer officer : officers.items()) {
            boolean director = isDirector(officer);
            if (officer.appointedOn() != null && !officer.appointedOn().isBefore(since)) {
                signals.add(signal(
                        company,
                        officer,
                        "appointed",
                        officer.appointedOn(),
                        director ? DIRECTOR_APPOINTED : OTHER_APPOINTED));
            }
            if (officer.resignedOn() != null && !officer.resignedOn().isBefore(since)) {
                signals.add(signal(
                        company,
                        officer,
                        "resigned",
                        officer.resignedOn(),
                        director ? DIRECTOR_RESIGNED : OTHER_RESIGNED));
            }
        }
        return signals;
    }

    static boolean isDirector(Officer officer) {
        String role = officer.officerRole() == null ? "" : officer.officerRole().toLowerCase(Locale.ROOT);
        return role.contains("director") || role.startsWith("llp-") && role.contains("member");
    }

    private static DetectedSignal signal(
            MonitoredCompany company, Officer officer, String event, LocalDate date, int confidence) {
        ObjectNode data = Json.object();
        data.put("source", "companies_house_officers");
        data.put("company_number", company.companyNumber());
        data.put("event", event);
        data.put("date", date.toString());
        data.put("name", officer.name());
        data.put("role", officer.officerRole());
        data.put("occupation", officer.occupation());
        return DetectedSignal.of(
                company.id(),
                SignalType.EXECUTIVE_CHANGE,
                confidence,
                data,
                person(officer) + ":" + event + ":" + date,
                date.atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    /** The register's link for the person, else their name: what stays the same across runs. */
    private static String person(Officer officer) {
        if (officer.links() != null
                && officer.links().officer() != null
                && officer.links().officer().appointments() != null) {
            return officer.links().officer().appointments();
        }
        return "officer:" + officer.name() + ":" + officer.officerRole();
    }
}
