package io.agentry.companieshouse;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.LocalDate;
import java.util.List;

/**
 * One item of {@code GET /company/{n}/persons-with-significant-control}.
 *
 * @param kind {@code individual-person-with-significant-control}, {@code
 *     corporate-entity-person-with-significant-control}, {@code
 *     legal-person-with-significant-control}, {@code super-secure-person-with-significant-control},
 *     …
 * @param name null for super-secure persons
 * @param naturesOfControl such as {@code ownership-of-shares-25-to-50-percent}, {@code
 *     voting-rights-75-to-100-percent}
 * @param ceasedOn null while the control lasts
 */
public record Psc(
        @JsonProperty("kind") String kind,
        @JsonProperty("name") String name,
        @JsonProperty("natures_of_control") List<String> naturesOfControl,
        @JsonProperty("notified_on") LocalDate notifiedOn,
        @JsonProperty("ceased_on") LocalDate ceasedOn) {

    public Psc {
        naturesOfControl = naturesOfControl == null ? List.of() : List.copyOf(naturesOfControl);
    }

    @JsonIgnore
    public boolean isActive() {
        return ceasedOn == null;
    }
}
