package io.agentry.enrichment;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.agentry.support.Json;

/**
 * How the Companies House step went for one company.
 *
 * @param facts what the API said; null unless {@link SourceStatus#OK}
 */
record CompaniesHouseResult(SourceStatus status, String reason, CompaniesHouseFacts facts) {

    static CompaniesHouseResult ok(CompaniesHouseFacts facts) {
        return new CompaniesHouseResult(SourceStatus.OK, null, facts);
    }

    static CompaniesHouseResult of(SourceStatus status, String reason) {
        return new CompaniesHouseResult(status, reason, null);
    }

    boolean ok() {
        return status == SourceStatus.OK;
    }

    /** The source's entry of {@code companies.enrichment}, without its time. */
    ObjectNode toJson() {
        ObjectNode json = Json.object().put("status", status.value());
        if (reason != null) {
            json.put("reason", reason);
        }
        if (facts != null) {
            json.setAll(facts.json());
        }
        return json;
    }
}
