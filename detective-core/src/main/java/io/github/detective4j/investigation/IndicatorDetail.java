package io.github.detective4j.investigation;

/**
 * The detail of one indicator: one record per {@link IndicatorType}, with the fields of Amazon Detective's matching
 * detail object ({@code TTPsObservedDetail}, {@code ImpossibleTravelDetail}, ...), serialised under Detective's own
 * field names.
 */
public sealed interface IndicatorDetail permits TtpObserved, ImpossibleTravel, FlaggedIpAddress, NewGeolocationDetail,
        NewAsoDetail, NewUserAgentDetail, RelatedFinding, RelatedFindingGroup {
    /**
     * Returns the indicator type this detail belongs to.
     *
     * @return the type
     */
    IndicatorType type();

    /**
     * Returns the name of Detective's detail object, the key of this detail in an {@code IndicatorDetail} object.
     *
     * @return for example {@code TTPsObservedDetail}
     */
    String detailName();
}
