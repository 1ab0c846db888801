package io.agentry.signal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.agentry.companieshouse.Filing;
import io.agentry.companieshouse.FilingHistory;
import io.agentry.companieshouse.Officer;
import io.agentry.companieshouse.Officers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class FilingSignalsTest {
    private static final MonitoredCompany ACME = new MonitoredCompany(7, "01234567", "ACME WIDGETS LIMITED", null);
    private static final LocalDate SINCE = LocalDate.of(2025, 5, 3);

    private static Filing aFiling(String type, String category, String date, String transaction) {
        return new Filing(category, LocalDate.parse(date), type, category + "-description", transaction);
    }

    private static Officer anOfficer(String name, String role, String appointed, String resigned, String id) {
        return new Officer(
                name,
                role,
                appointed == null ? null : LocalDate.parse(appointed),
                resigned == null ? null : LocalDate.parse(resigned),
                "Director",
                "British",
                null,
                new Officer.Links(new Officer.OfficerLinks("/officers/" + id + "/appointments")));
    }

    @Test
    void filings_in_the_window_are_signals_and_a_share_allotment_is_a_funding_round() {
        FilingHistory history = new FilingHistory(
                List.of(
                        aFiling("CS01", "confirmation-statement", "2025-05-28", "TX-CS01"),
                        aFiling("SH01", "capital", "2025-05-12", "TX-SH01"),
                        aFiling("MR01", "mortgage", "2025-05-03", "TX-MR01"),
                        aFiling("AD01", "address", "2025-05-02", "TX-AD01")),
                4);

        List<DetectedSignal> signals = FilingSignals.detect(ACME, history, SINCE);

        assertThat(signals)
                .extracting(DetectedSignal::type, DetectedSignal::confidence, DetectedSignal::sourceRef)
                .containsExactly(
                        tuple(SignalType.COMPANIES_HOUSE_FILING, 35, "filing:TX-CS01"),
                        tuple(SignalType.FUNDING_ROUND, 80, "filing:TX-SH01"),
                        tuple(SignalType.COMPANIES_HOUSE_FILING, 70, "filing:TX-MR01"));
        assertThat(signals.get(1).expiresAt())
                .isEqualTo(Instant.parse("2025-05-12T00:00:00Z").plus(SignalType.FUNDING_ROUND.validity()));
        assertThat(signals.get(1).data().path("form").asText()).isEqualTo("SH01");
        assertThat(signals.get(1).data().path("company_number").asText()).isEqualTo("01234567");
    }

    @Test
    void a_filing_of_a_category_without_a_rule_is_a_weak_filing_signal() {
        FilingHistory history = new FilingHistory(List.of(aFiling("GAZ1", "gazette", "2025-05-20", "TX-GAZ1")), 1);

        assertThat(FilingSignals.detect(ACME, history, SINCE))
                .extracting(DetectedSignal::confidence, DetectedSignal::strength)
                .containsExactly(tuple(40, SignalStrength.WEAK));
    }

    @Test
    void directors_appointed_or_resigned_in_the_window_are_executive_changes_keyed_by_the_person() {
        Officers officers = new Officers(
                List.of(
                        anOfficer("OSEI, Daniel Kwame", "director", "2025-05-19", null, "Vb8n"),
                        anOfficer("KAUR, Priya", "director", "2022-03-01", null, "Kl2z"),
                        anOfficer("FLETCHER, Joanna", "director", "2022-03-01", "2025-05-26", "Zx9c"),
                        anOfficer("HALL, Ruth", "secretary", "2025-05-20", null, "Qw1e"),
                        anOfficer("SHORT, Stay", "llp-designated-member", "2025-05-04", "2025-05-30", "Rt5y")),
                4,
                0,
                1,
                5);

        assertThat(OfficerSignals.detect(ACME, officers, SINCE))
                .extracting(DetectedSignal::type, DetectedSignal::confidence, DetectedSignal::sourceRef)
                .containsExactly(
                        tuple(SignalType.EXECUTIVE_CHANGE, 80, "/officers/Vb8n/appointments:appointed:2025-05-19"),
                        tuple(SignalType.EXECUTIVE_CHANGE, 65, "/officers/Zx9c/appointments:resigned:2025-05-26"),
                        tuple(SignalType.EXECUTIVE_CHANGE, 50, "/officers/Qw1e/appointments:appointed:2025-05-20"),
                        tuple(SignalType.EXECUTIVE_CHANGE, 80, "/officers/Rt5y/appointments:appointed:2025-05-04"),
                        tuple(SignalType.EXECUTIVE_CHANGE, 65, "/officers/Rt5y/appointments:resigned:2025-05-30"));
    }
}
