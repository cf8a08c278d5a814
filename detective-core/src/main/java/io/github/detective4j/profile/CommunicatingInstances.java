package io.github.detective4j.profile;

import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.text.TextTable;
import java.util.List;

/**
 * The EC2 instances that exchanged traffic with an IP address during the scope, most bytes first: for an IP of
 * compromise, every instance that talked to it.
 *
 * @param scope the scope time
 * @param instances the instances
 */
public record CommunicatingInstances(ScopeTime scope, List<InstanceTraffic> instances) implements Panel {
    /**
     * Creates the panel.
     *
     * @param scope the scope time
     * @param instances the instances
     */
    public CommunicatingInstances {
        instances = List.copyOf(instances);
    }

    /**
     * Returns {@code instances}.
     *
     * @return the panel's key
     */
    @Override
    public String key() {
        return "instances";
    }

    /**
     * Returns a table of the instances.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder out = PanelText.title("EC2 instances communicating", scope);
        if (instances.isEmpty()) {
            return out.append("\nnone").toString();
        }
        TextTable t = TextTable.of("instance", "first observed", "last observed", "bytes to instance",
                "bytes from instance", "active hours", "beacon");
        for (InstanceTraffic i : instances.subList(0, Math.min(instances.size(), PanelText.MAX_ROWS))) {
            t.row(i.instance().id(), i.firstObserved(), i.lastObserved(), i.bytesToInstance(),
                    i.bytesFromInstance(), i.activeHours(), i.beacon().label());
        }
        PanelText.table(out, "", t, instances.size());
        return out.toString();
    }
}
