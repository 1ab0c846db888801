package io.agentry.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.UUID;

/**
 * A company on a stream, as a ranked list shows it.
 *
 * @param position the rank, 1 = best; null until the stream was scored
 * @param qualityScore {@code metadata.quality_score}, 0 to 5; null when not scored
 * @param reasons {@code metadata.reasons}: why it scored what it did (a list of sentences)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RankedItem(
        UUID id,
        Integer position,
        long companyId,
        String companyNumber,
        String title,
        String priority,
        Double qualityScore,
        String stageId,
        JsonNode reasons) {}
