package io.github.detective4j.investigation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.detective4j.text.TextTable;

/**
 * A flagged IP address ({@code FlaggedIpAddressDetail}): the entity called from an address that threat intelligence
 * lists.
 *
 * @param ipAddress the address
 * @param reason why it is listed, as the list says
 * @param source the list that flagged it
 */
public record FlaggedIpAddress(
        @JsonProperty("IpAddress") String ipAddress,
        @JsonProperty("Reason") String reason,
        @JsonProperty("Source") String source) implements IndicatorDetail {
    @Override
    public IndicatorType type() {
        return IndicatorType.FLAGGED_IP_ADDRESS;
    }

    @Override
    public String detailName() {
        return "FlaggedIpAddressDetail";
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
