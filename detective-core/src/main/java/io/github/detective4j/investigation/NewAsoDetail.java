package io.github.detective4j.investigation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.detective4j.text.TextTable;

/**
 * A new autonomous system organization ({@code NewAsoDetail}).
 *
 * @param aso the organization, such as {@code AS14618 AMAZON-AES}
 * @param isNewForEntireAccount true when nobody in the account called from it in the baseline either
 */
public record NewAsoDetail(
        @JsonProperty("Aso") String aso,
        @JsonProperty("IsNewForEntireAccount") boolean isNewForEntireAccount) implements IndicatorDetail {
    @Override
    public IndicatorType type() {
        return IndicatorType.NEW_ASO;
    }

    @Override
    public String detailName() {
        return "NewAsoDetail";
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
