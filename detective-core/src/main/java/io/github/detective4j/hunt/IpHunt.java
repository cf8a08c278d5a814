package io.github.detective4j.hunt;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.profile.EntityActivity;
import io.github.detective4j.text.TextTable;
import java.util.List;

/**
 * Everything that touched an IP address or network in all the data the graph retains: the principals that called
 * from it, the user agents used from it, the API calls made from it, and the EC2 instances that exchanged traffic with
 * it. Each list is ordered by the most activity first.
 *
 * @param query the address or CIDR hunted for
 * @param addresses the addresses of the graph that matched, in order
 * @param principals the principals that called from them
 * @param userAgents the user agents used from them
 * @param apiCalls the calls made from them, by principal, address and method
 * @param instances the instances that exchanged traffic with them
 * @param bytesWithoutInstance bytes of flow records with them that no instance in {@code instances} accounts for:
 *     records that name only a network interface whose instance the graph does not know (the default version 2
 *     format has no {@code instance-id}; {@code BehaviorGraph.Builder.networkInterfaces} tells it), or traffic a
 *     cap kept off an instance's relationships; 0 when every byte is on an instance
 * @param truncated true when the graph's caps may have kept evidence out of the answer: the address hunted for was
 *     met past a cap and not kept (so it is not there to be found), a matched address lost a relationship to a cap
 *     or had one kept out with its other end; for a CIDR, when any address was kept out. False means none of its
 *     relationships or entities was; true errs about once in a hundred times for an address never met ({@code
 *     Hunt.ipTruncated} tells why)
 */
public record IpHunt(String query, List<EntityRef> addresses, List<EntityActivity> principals,
        List<EntityActivity> userAgents, List<ApiCallActivity> apiCalls, List<InstanceContact> instances,
        long bytesWithoutInstance, boolean truncated) {
    /**
     * Creates the result.
     *
     * @param query the query
     * @param addresses the matched addresses
     * @param principals the principals
     * @param userAgents the user agents
     * @param apiCalls the calls
     * @param instances the instances
     * @param bytesWithoutInstance the bytes no instance accounts for, 0 or more
     * @param truncated whether the caps may have kept evidence out
     * @throws IllegalArgumentException if {@code bytesWithoutInstance} is negative
     */
    public IpHunt {
        if (bytesWithoutInstance < 0) {
            throw new IllegalArgumentException("bytes without instance must be 0 or more, was "
                    + bytesWithoutInstance);
        }
        addresses = List.copyOf(addresses);
        principals = List.copyOf(principals);
        userAgents = List.copyOf(userAgents);
        apiCalls = List.copyOf(apiCalls);
        instances = List.copyOf(instances);
    }

    /**
     * Returns one table per list.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Hunt for ").append(TextTable.clean(query)).append(": ")
                .append(addresses.size()).append(" addresses");
        HuntText.truncated(out, truncated);
        HuntText.activity(out, "principal", principals);
        HuntText.activity(out, "user agent", userAgents);
        HuntText.calls(out, apiCalls);
        HuntText.instances(out, instances);
        HuntText.withoutInstance(out, bytesWithoutInstance, truncated);
        return out.toString();
    }
}
