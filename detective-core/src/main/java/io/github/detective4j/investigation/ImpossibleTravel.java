package io.github.detective4j.investigation;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Impossible travel ({@code ImpossibleTravelDetail}): consecutive calls from two places too far apart for the time
 * between them.
 *
 * @param startingIpAddress the address of the earlier calls
 * @param endingIpAddress the address of the later calls
 * @param startingLocation where the earlier calls came from
 * @param endingLocation where the later calls came from
 * @param hourlyTimeDelta whole hours between the two calls' hours (0: the same hour)
 * @param distanceKilometers the great-circle distance between the two places
 * @param speedKilometersPerHour the distance over the longest time the two hours allow ({@code hourlyTimeDelta + 1}
 *     hours): the slowest travel consistent with the logs
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
}
