package io.github.detective4j.behavior;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.text.TextTable;

/**
 * One principal's new behavior in a scope, counted: a row of {@link NewBehaviorRanking}.
 *
 * @param principal the principal
 * @param name its user, role or federated user name, or null
 * @param geolocations newly observed geolocations
 * @param apiCalls newly observed API methods
 * @param asos newly observed ASOs
 * @param userAgents newly observed user agents
 * @param increasedVolume methods with increased volume
 */
public record PrincipalNewBehavior(EntityRef principal, String name, int geolocations, int apiCalls, int asos,
        int userAgents, int increasedVolume) {
    /**
     * Returns the ranking's score: every new thing counts one.
     *
     * @return the sum of the counts
     */
    @JsonProperty("score")
    public int score() {
        return geolocations + apiCalls + asos + userAgents + increasedVolume;
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
