package io.github.detective4j.hunt;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.text.TextTable;
import java.time.Instant;

/**
 * An EC2 instance's traffic with one IP address, as a hunt finds it.
 *
 * @param instance the instance
 * @param ipAddress the address
 * @param bytesToInstance bytes the address sent the instance, in the hunted period
 * @param bytesFromInstance bytes the instance sent the address, in the hunted period
 * @param activeHours hours of the hunted period with traffic between them
 * @param firstObserved the first flow between them, UTC (in all retained data)
 * @param lastObserved the last flow between them, UTC
 */
public record InstanceContact(EntityRef instance, EntityRef ipAddress, long bytesToInstance, long bytesFromInstance,
        long activeHours, Instant firstObserved, Instant lastObserved) {

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
