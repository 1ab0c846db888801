package io.agentry.signal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/** A {@code buying_signals} row with the seed's column names, and its company's number and name. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ListedSignal(
        UUID id,
        long companyId,
        String companyNumber,
        String companyName,
        String signalType,
        String signalStrength,
        int confidenceScore,
        JsonNode signalData,
        Instant detectedAt,
        String detectedBy,
        String status,
        Instant expiresAt,
        String sourceRef) {}
