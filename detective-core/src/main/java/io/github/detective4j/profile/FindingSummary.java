package io.github.detective4j.profile;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.Severity;
import io.github.detective4j.text.TextTable;
import java.time.Instant;

/**
 * A finding as a row of a panel.
 *
 * @param finding the finding
 * @param type the finding type, such as {@code CryptoCurrency:EC2/BitcoinTool.B}
 * @param title the title, or null; attacker-influenced
 * @param severity the severity
 * @param firstObserved when the activity was first observed, UTC
 * @param lastObserved when it was last observed, UTC
 * @param archived whether the finding is archived, in this graph or by its product
 */
public record FindingSummary(EntityRef finding, String type, String title, Severity severity, Instant firstObserved,
        Instant lastObserved, boolean archived) {

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
