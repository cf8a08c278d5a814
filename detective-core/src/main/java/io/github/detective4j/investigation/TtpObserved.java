package io.github.detective4j.investigation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.detective4j.text.TextTable;

/**
 * Tactics, techniques and procedures observed ({@code TTPsObservedDetail}): an API method the entity called in the
 * scope that maps to a MITRE ATT&amp;CK technique, from one address; or the tactic of a related finding's type.
 *
 * @param tactic the ATT&amp;CK tactic, such as {@code Defense Evasion}
 * @param technique the ATT&amp;CK technique, such as {@code T1562.008 Impair Defenses: Disable or Modify Cloud Logs}
 * @param procedure what was done, in words, or the finding type
 * @param ipAddress the address the calls came from, or null for calls an AWS service made, or a finding's address
 * @param apiName the API method, such as {@code StopLogging}, or null for a finding
 * @param apiSuccessCount successful calls in the scope (for a finding: its count)
 * @param apiFailureCount failed calls in the scope
 */
public record TtpObserved(
        @JsonProperty("Tactic") String tactic,
        @JsonProperty("Technique") String technique,
        @JsonProperty("Procedure") String procedure,
        @JsonProperty("IpAddress") String ipAddress,
        @JsonProperty("APIName") String apiName,
        @JsonProperty("APISuccessCount") long apiSuccessCount,
        @JsonProperty("APIFailureCount") long apiFailureCount) implements IndicatorDetail {
    @Override
    public IndicatorType type() {
        return IndicatorType.TTP_OBSERVED;
    }

    @Override
    public String detailName() {
        return "TTPsObservedDetail";
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
