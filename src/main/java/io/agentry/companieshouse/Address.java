package io.agentry.companieshouse;

import com.fasterxml.jackson.annotation.JsonProperty;

/** An address as the API gives it; any part may be null. */
public record Address(
        @JsonProperty("premises") String premises,
        @JsonProperty("address_line_1") String addressLine1,
        @JsonProperty("address_line_2") String addressLine2,
        @JsonProperty("locality") String locality,
        @JsonProperty("region") String region,
        @JsonProperty("postal_code") String postalCode,
        @JsonProperty("country") String country) {}
