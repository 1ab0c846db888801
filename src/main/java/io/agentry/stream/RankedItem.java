package io.agentry.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.UUID;

/**
 * A company on a stream, as a ranked list shows it.
 *
 * @param position the rank, 1 = best; null until the stream was scored
 * @param companyName the catalogue's name of the company
 * @param qualityScore {@code metadata.quality_score}, 0 to 5; null when not scored
 * @param reasons {@code metadata.reasons}: why it scored what it did (a list of sentences)
 * @param createdAt when the company was added to the stream
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RankedItem(
        UUID id,
        Integer position,
        long companyId,
        String companyNumber,
        String companyName,
        String title,
        String priority,
        Double qualityScore,
        String stageId,
        JsonNode reasons,
        Instant createdAt) {}
