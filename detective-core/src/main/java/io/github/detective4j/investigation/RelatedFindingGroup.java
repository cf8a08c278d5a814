package io.github.detective4j.investigation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.detective4j.text.TextTable;

/**
 * A related finding group ({@code RelatedFindingGroupDetail}): a group that holds a related finding.
 *
 * @param id the group's id
 * @param title the group's title
 */
public record RelatedFindingGroup(
        @JsonProperty("Id") String id,
        @JsonProperty("Title") String title) implements IndicatorDetail {
    @Override
    public IndicatorType type() {
        return IndicatorType.RELATED_FINDING_GROUP;
    }

    @Override
    public String detailName() {
        return "RelatedFindingGroupDetail";
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
