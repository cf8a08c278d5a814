package io.github.detective4j.investigation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.detective4j.text.TextTable;

/**
 * A new user agent ({@code NewUserAgentDetail}).
 *
 * @param userAgent the user agent as logged; attacker-controlled
 * @param isNewForEntireAccount true when nobody in the account used it in the baseline either
 */
public record NewUserAgentDetail(
        @JsonProperty("UserAgent") String userAgent,
        @JsonProperty("IsNewForEntireAccount") boolean isNewForEntireAccount) implements IndicatorDetail {
    @Override
    public IndicatorType type() {
        return IndicatorType.NEW_USER_AGENT;
    }

    @Override
    public String detailName() {
        return "NewUserAgentDetail";
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
