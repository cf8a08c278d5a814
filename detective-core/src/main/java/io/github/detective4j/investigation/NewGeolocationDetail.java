package io.github.detective4j.investigation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.detective4j.text.TextTable;

/**
 * A new geolocation ({@code NewGeolocationDetail}).
 *
 * @param location the place, such as {@code Ashburn, Virginia, US}
 * @param ipAddress an address the entity called from there
 * @param isNewForEntireAccount true when nobody in the account called from there in the baseline either
 */
public record NewGeolocationDetail(
        @JsonProperty("Location") String location,
        @JsonProperty("IpAddress") String ipAddress,
        @JsonProperty("IsNewForEntireAccount") boolean isNewForEntireAccount) implements IndicatorDetail {
    @Override
    public IndicatorType type() {
        return IndicatorType.NEW_GEOLOCATION;
    }

    @Override
    public String detailName() {
        return "NewGeolocationDetail";
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
