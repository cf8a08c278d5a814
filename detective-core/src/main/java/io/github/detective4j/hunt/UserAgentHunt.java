package io.github.detective4j.hunt;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.profile.EntityActivity;
import io.github.detective4j.text.TextTable;
import java.util.List;

/**
 * Every call made with a user agent, or with any user agent matching a pattern, in all the data the graph retains:
 * who made them, from where, and which methods. Each list is ordered by the most calls first.
 *
 * @param query the user agent or the pattern hunted for
 * @param userAgents the user agents of the graph that matched, in order; attacker-controlled strings
 * @param principals the principals that used them
 * @param ipAddresses the addresses they were used from
 * @param apiCalls the calls made with them, by principal, user agent and method
 * @param truncated true when the graph's caps may have kept evidence out of the answer: the user agent hunted for
 *     was met past a cap and not kept (so it is not there to be found), a matched user agent lost a relationship to
 *     a cap or had one kept out with its other end; for a pattern, when any user agent was kept out. False means
 *     none of its relationships or entities was; true errs about once in a hundred times for an agent never met
 *     ({@code Hunt.userAgentTruncated} tells why)
 */
public record UserAgentHunt(String query, List<EntityRef> userAgents, List<EntityActivity> principals,
        List<EntityActivity> ipAddresses, List<ApiCallActivity> apiCalls, boolean truncated) {
    /**
     * Creates the result.
     *
     * @param query the query
     * @param userAgents the matched user agents
     * @param principals the principals
     * @param ipAddresses the addresses
     * @param apiCalls the calls
     * @param truncated whether the caps may have kept evidence out
     */
    public UserAgentHunt {
        userAgents = List.copyOf(userAgents);
        principals = List.copyOf(principals);
        ipAddresses = List.copyOf(ipAddresses);
        apiCalls = List.copyOf(apiCalls);
    }

    /**
     * Returns one table per list.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Hunt for user agent ").append(TextTable.clean(query)).append(": ")
                .append(userAgents.size()).append(" user agents");
        HuntText.truncated(out, truncated);
        HuntText.matched(out, "user agent matched", userAgents);
        HuntText.activity(out, "principal", principals);
        HuntText.activity(out, "IP address", ipAddresses);
        HuntText.calls(out, apiCalls);
        return out.toString();
    }
}
