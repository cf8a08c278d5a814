package io.github.detective4j.investigation;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.detective4j.text.TextTable;

/**
 * Impossible travel ({@code ImpossibleTravelDetail}): consecutive calls of one principal (for a role: of one of its
 * sessions) from two places too far apart for the time between them.
 *
 * @param startingIpAddress the address of the earlier calls; of two calls in one hour, whose order the hourly counts
 *     do not keep, the lower address by number, IPv4 before IPv6 ({@code IpAddresses.compare})
 * @param endingIpAddress the address of the later calls
 * @param startingLocation where the earlier calls came from
 * @param endingLocation where the later calls came from
 * @param hourlyTimeDelta whole hours between the two calls' hours (0: the same hour)
 * @param distanceKilometers the great-circle distance between the two places
 * @param speedKilometersPerHour the shortest distance the places allow (the distance less both places' accuracy
 *     radii, {@code Geolocation.accuracyRadiusKm}) over the longest time the two hours allow
 *     ({@code hourlyTimeDelta + 1} hours): the slowest travel consistent with the logs and the geolocation
 */
public record ImpossibleTravel(
        @JsonProperty("StartingIpAddress") String startingIpAddress,
        @JsonProperty("EndingIpAddress") String endingIpAddress,
        @JsonProperty("StartingLocation") String startingLocation,
        @JsonProperty("EndingLocation") String endingLocation,
        @JsonProperty("HourlyTimeDelta") int hourlyTimeDelta,
        @JsonProperty("DistanceKilometers") double distanceKilometers,
        @JsonProperty("SpeedKilometersPerHour") double speedKilometersPerHour) implements IndicatorDetail {
    @Override
    public IndicatorType type() {
        return IndicatorType.IMPOSSIBLE_TRAVEL;
    }

    @Override
    public String detailName() {
        return "ImpossibleTravelDetail";
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
