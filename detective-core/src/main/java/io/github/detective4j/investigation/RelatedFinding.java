package io.github.detective4j.investigation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.detective4j.text.TextTable;

/**
 * A related finding ({@code RelatedFindingDetail}): a finding about the entity, one of its role sessions, or an
 * instance it launched, observed around the scope.
 *
 * @param arn the finding's ARN, or null when the product gave none (Detective's field holds ARNs only; {@code id}
 *     names the finding either way)
 * @param findingType the finding type
 * @param ipAddress an address the finding names (its remote address where known), or null
 * @param id the finding's id in the graph
 */
public record RelatedFinding(
        @JsonProperty("Arn") String arn,
        @JsonProperty("Type") String findingType,
        @JsonProperty("IpAddress") String ipAddress,
        @JsonProperty("Id") String id) implements IndicatorDetail {
    @Override
    public IndicatorType type() {
        return IndicatorType.RELATED_FINDING;
    }

    @Override
    public String detailName() {
        return "RelatedFindingDetail";
    }

    /**
     * Returns the record's fields, strings from logs escaped ({@link TextTable#escape}).
     *
     * @return the text
     */
    @Override
    public String toString() {
        return TextTable.describe(this);
    }
}
