package io.agentry.enrichment;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.companieshouse.Accounts;
import io.agentry.companieshouse.CompanyProfile;
import io.agentry.companieshouse.ConfirmationStatement;
import io.agentry.companieshouse.Filing;
import io.agentry.companieshouse.FilingHistory;
import io.agentry.companieshouse.Officer;
import io.agentry.companieshouse.Officers;
import io.agentry.companieshouse.Psc;
import io.agentry.companieshouse.Pscs;
import io.agentry.support.Json;
import java.time.LocalDate;
import java.util.Optional;

/**
 * What the Companies House API said about one company, as stored: a summary of the profile, the
 * officers and persons with significant control in post, the latest filings, and the counts that
 * go to their own columns. A list the API answered with 404 holds nothing on the register, so it
 * counts zero.
 *
 * @param officersActive {@code officers_count}: officers in post, by the API's count
 * @param filingCount {@code filing_count}: filings on the register, by the API's count
 * @param pscActive {@code psc_count}: persons with significant control whose control lasts
 * @param lastAccountsType the type of the last accounts filed, as the API spells it ({@code
 *     micro-entity}); null when none were filed
 */
record CompaniesHouseFacts(
        ObjectNode json, int officersActive, int filingCount, int pscActive, String lastAccountsType) {
    static final int LATEST_FILINGS = 5;

    static CompaniesHouseFacts of(
            CompanyProfile profile, Optional<Officers> officers, Optional<FilingHistory> filings, Optional<Pscs> pscs) {
        ObjectNode json = Json.object();
        json.set("profile", profile(profile));
        json.set("officers", officers(officers));
        json.set("filings", filings(filings));
        json.set("pscs", pscs(pscs));
        Accounts.LastAccounts last =
                profile.accounts() == null ? null : profile.accounts().lastAccounts();
        return new CompaniesHouseFacts(
                json,
                officers.map(Officers::activeCount).orElse(0),
                filings.map(FilingHistory::totalCount).orElse(0),
                pscs.map(Pscs::activeCount).orElse(0),
                last == null ? null : last.type());
    }

    private static ObjectNode profile(CompanyProfile p) {
        ObjectNode json = Json.object()
                .put("company_name", p.companyName())
                .put("company_status", p.companyStatus())
                .put("type", p.type())
                .put("jurisdiction", p.jurisdiction())
                .put("date_of_creation", date(p.dateOfCreation()))
                .put("date_of_cessation", date(p.dateOfCessation()))
                .put("has_charges", p.hasCharges())
                .put("has_insolvency_history", p.hasInsolvencyHistory());
        ArrayNode sic = json.putArray("sic_codes");
        p.sicCodes().forEach(sic::add);
        Accounts accounts = p.accounts();
        if (accounts != null) {
            ObjectNode a = json.putObject("accounts")
                    .put("next_due", date(accounts.nextDue()))
                    .put("overdue", accounts.overdue());
            if (accounts.lastAccounts() != null) {
                a.put("last_made_up_to", date(accounts.lastAccounts().madeUpTo()))
                        .put("last_type", accounts.lastAccounts().type());
            }
        }
        ConfirmationStatement statement = p.confirmationStatement();
        if (statement != null) {
            json.putObject("confirmation_statement")
                    .put("next_due", date(statement.nextDue()))
                    .put("overdue", statement.overdue())
                    .put("last_made_up_to", date(statement.lastMadeUpTo()));
        }
        return json;
    }

    private static ObjectNode officers(Optional<Officers> found) {
        ObjectNode json = Json.object();
        Officers officers = found.orElse(null);
        json.put("active", officers == null ? 0 : officers.activeCount());
        json.put("resigned", officers == null ? 0 : officers.resignedCount());
        json.put("total", officers == null ? 0 : officers.totalResults());
        json.put("complete", officers == null || officers.isComplete());
        ArrayNode current = json.putArray("current");
        if (officers != null) {
            for (Officer officer : officers.items()) {
                if (officer.isActive()) {
                    current.addObject()
                            .put("name", officer.name())
                            .put("role", officer.officerRole())
                            .put("appointed_on", date(officer.appointedOn()))
                            .put("occupation", officer.occupation());
                }
            }
        }
        return json;
    }

    private static ObjectNode filings(Optional<FilingHistory> found) {
        ObjectNode json = Json.object();
        FilingHistory history = found.orElse(null);
        json.put("total", history == null ? 0 : history.totalCount());
        ArrayNode latest = json.putArray("latest");
        if (history != null) {
            history.items().stream()
                    .limit(LATEST_FILINGS)
                    .forEach(filing -> latest.addObject()
                            .put("date", date(filing.date()))
                            .put("category", filing.category())
                            .put("type", filing.type())
                            .put("description", filing.description()));
            history.items().stream()
                    .filter(filing -> "accounts".equals(filing.category()))
                    .map(Filing::date)
                    .findFirst()
                    .ifPresent(date -> json.put("last_accounts_filed_on", date(date)));
        }
        return json;
    }

    private static ObjectNode pscs(Optional<Pscs> found) {
        ObjectNode json = Json.object();
        Pscs pscs = found.orElse(null);
        json.put("active", pscs == null ? 0 : pscs.activeCount());
        json.put("ceased", pscs == null ? 0 : pscs.ceasedCount());
        json.put("total", pscs == null ? 0 : pscs.totalResults());
        ArrayNode current = json.putArray("current");
        if (pscs != null) {
            for (Psc psc : pscs.items()) {
                if (psc.isActive()) {
                    ObjectNode entry = current.addObject()
                            .put("kind", psc.kind())
                            .put("name", psc.name())
                            .put("notified_on", date(psc.notifiedOn()));
                    ArrayNode natures = entry.putArray("natures_of_control");
                    psc.naturesOfControl().forEach(natures::add);
                }
            }
        }
        return json;
    }

    private static String date(LocalDate date) {
        return date == null ? null : date.toString();
    }
}
