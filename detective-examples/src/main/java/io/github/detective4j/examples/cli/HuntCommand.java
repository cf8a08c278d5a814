package io.github.detective4j.examples.cli;

import io.github.detective4j.graph.Hunt;
import io.github.detective4j.hunt.InstanceContact;
import io.github.detective4j.hunt.IpHunt;
import io.github.detective4j.model.IpNetwork;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code detective hunt}: hunting from an indicator of compromise across all the data read, not a scope: who and
 * what touched an address or network, every call made with a user agent, the instances that talked to an address
 * lately.
 */
@Command(name = "hunt", mixinStandardHelpOptions = true,
        description = "Hunt an indicator across all the data read: an IP address or CIDR (principals, user agents,"
                + " API calls, instances), or a user agent, exact or by pattern (principals, addresses, API calls).")
final class HuntCommand implements Callable<Integer> {
    @ArgGroup(exclusive = true, multiplicity = "1", heading = "What to hunt (one of):%n")
    Indicator indicator;

    @Option(names = "--days", paramLabel = "N", description = "With --ip: only the EC2 instances that exchanged"
            + " traffic with it in the last N days of the flow logs read.")
    Integer days;

    @Mixin
    Inputs inputs;

    @Mixin
    Output output;

    /** The indicator hunted, one of three kinds. */
    static final class Indicator {
        @Option(names = "--ip", paramLabel = "IP_OR_CIDR", description = "An address or network, such as"
                + " 104.16.1.42 or 44.212.0.0/16.")
        String ip;

        @Option(names = "--user-agent", paramLabel = "USER_AGENT", description = "A user agent, exactly as logged.")
        String userAgent;

        @Option(names = "--user-agent-matching", paramLabel = "REGEX", description = "A Java regular expression"
                + " found anywhere in user agents, such as 'aws-cli/1\\.16'.")
        Pattern userAgentPattern;
    }

    @Override
    public Integer call() throws IOException {
        // Usage errors before the logs are read, which may take minutes.
        if (days != null && (indicator.ip == null || days < 1)) {
            throw new ParameterException(inputs.spec.commandLine(), "--days needs --ip, and at least 1 day");
        }
        if (indicator.ip != null) {
            try {
                IpNetwork.parse(indicator.ip);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(inputs.spec.commandLine(), "--ip: " + e.getMessage());
            }
        }
        Hunt hunt = inputs.graph().hunt();
        if (days != null) {
            List<InstanceContact> contacts = hunt.instancesTalkingTo(indicator.ip, Duration.ofDays(days));
            // The IP hunt's own table of instances prints them, the other lists left empty as this hunt has none;
            // the list carries no flag of its own, so the hunt says whether the caps kept evidence of it out.
            IpHunt shown = new IpHunt(indicator.ip + " in the last " + days + " days (bytes and active hours of those"
                    + " days; first and last observed in all the data)",
                    contacts.stream().map(InstanceContact::ipAddress).distinct().sorted().toList(), List.of(),
                    List.of(), List.of(), contacts, hunt.bytesWithoutInstance(indicator.ip, Duration.ofDays(days)),
                    hunt.ipTruncated(indicator.ip));
            output.print(shown); // the JSON too says whether the caps may have cut the list
        } else if (indicator.ip != null) {
            output.print(hunt.ip(indicator.ip));
        } else if (indicator.userAgent != null) {
            output.print(hunt.userAgent(indicator.userAgent));
        } else {
            output.print(hunt.userAgents(indicator.userAgentPattern));
        }
        return 0;
    }
}
