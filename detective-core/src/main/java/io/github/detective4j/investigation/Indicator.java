package io.github.detective4j.investigation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.detective4j.text.TextTable;
import java.util.Map;
import java.util.Objects;

/**
 * One indicator of compromise of an {@link Investigation}, in the shape of Amazon Detective's {@code Indicator}:
 * {@code {"IndicatorType": "TTP_OBSERVED", "IndicatorDetail": {"TTPsObservedDetail": {...}}}}, plus the severity
 * this library gives it ({@code "Severity"}; see {@link Investigation} for the rule).
 *
 * @param detail the detail, which also names the type
 * @param severity how severe this indicator is on its own
 */
@JsonPropertyOrder({"IndicatorType", "IndicatorDetail", "Severity"})
public record Indicator(@JsonIgnore IndicatorDetail detail, @JsonProperty("Severity") InvestigationSeverity severity) {
    /**
     * Creates an indicator.
     *
     * @param detail the detail
     * @param severity its severity
     */
    public Indicator {
        Objects.requireNonNull(detail, "detail");
        Objects.requireNonNull(severity, "severity");
    }

    /**
     * Returns the indicator's type.
     *
     * @return the type of its detail
     */
    @JsonProperty("IndicatorType")
    public IndicatorType type() {
        return detail.type();
    }

    /**
     * Returns the detail as Detective nests it: under the name of its detail object.
     *
     * @return a map of one entry
     */
    @JsonProperty("IndicatorDetail")
    public Map<String, IndicatorDetail> indicatorDetail() {
        return Map.of(detail.detailName(), detail);
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
