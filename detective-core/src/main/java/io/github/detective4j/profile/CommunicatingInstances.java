package io.github.detective4j.profile;

import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.text.TextTable;
import java.util.List;

/**
 * The EC2 instances that exchanged traffic with an IP address during the scope, most bytes first: for an IP of
 * compromise, every instance that talked to it.
 *
 * <p>A relationship cap ({@code BehaviorGraph.Builder.maxRelationshipsPerEntity}) may have kept some out, an instance
 * at its cap keeping no new peer, or the address at its cap no new instance: then {@code truncated} is true and the
 * list may lack instances (their traffic still counts in the address's own series).
 *
 * @param scope the scope time
 * @param instances the instances
 * @param truncated true when a relationship of this address, or of an entity related to it, was dropped by a cap
 */
public record CommunicatingInstances(ScopeTime scope, List<InstanceTraffic> instances, boolean truncated)
        implements Panel {
    /**
     * Creates the panel.
     *
     * @param scope the scope time
     * @param instances the instances
     * @param truncated whether a relationship cap dropped some
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
            out.append("\nnone");
        } else {
            table(out);
        }
        if (truncated) {
            out.append("\n").append(PanelText.RELATIONSHIPS_CAPPED);
        }
        return out.toString();
    }

    private void table(StringBuilder out) {
        TextTable t = TextTable.of("instance", "first observed", "last observed", "bytes to instance",
                "bytes from instance", "active hours", "beacon");
        for (InstanceTraffic i : instances.subList(0, Math.min(instances.size(), PanelText.MAX_ROWS))) {
            t.row(i.instance().id(), i.firstObserved(), i.lastObserved(), i.bytesToInstance(),
                    i.bytesFromInstance(), i.activeHours(), i.beacon().label());
        }
        PanelText.table(out, "", t, instances.size());
    }
}
