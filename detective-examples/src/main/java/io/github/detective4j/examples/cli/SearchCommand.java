package io.github.detective4j.examples.cli;

import io.github.detective4j.graph.Search;
import io.github.detective4j.model.EntityType;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code detective search}: finds entities by id, id prefix, ARN, name or CIDR, as Detective's search box does: the
 * way from a name in an alert to the entity reference the other commands take.
 */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Find entities by exact id, id prefix, ARN, name or IP CIDR; every criterion given must hold.")
final class SearchCommand implements Callable<Integer> {
    @ArgGroup(exclusive = false, multiplicity = "1", heading = "What to find (at least one):%n")
    Criteria criteria;

    @Option(names = "--type", paramLabel = "NAMESPACE", description = "Only entities of this type: AwsAccount,"
            + " AwsUser, AwsRole, AwsRoleSession, FederatedUser, Ec2Instance, IpAddress, UserAgent, S3Bucket,"
            + " findings, FindingGroup. Repeatable.")
    List<EntityType> types = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "At most this many results. Default: 10,000.")
    int limit;

    @Mixin
    Inputs inputs;

    @Mixin
    Output output;

    /** The search criteria, of which at least one is needed. */
    static final class Criteria {
        @Option(names = "--id", description = "The exact id, such as i-08a8e40be65425909.")
        String id;

        @Option(names = "--prefix", description = "A prefix of the id, such as AROA.")
        String prefix;

        @Option(names = "--arn", description = "The exact ARN.")
        String arn;

        @Option(names = "--name", description = "The exact user, role, session or federated user name.")
        String name;

        @Option(names = "--cidr", description = "An IPv4 or IPv6 network, such as 10.0.0.0/8.")
        String cidr;
    }

    @Override
    public Integer call() throws IOException {
        Search search;
        try { // a bad CIDR or limit is a usage error, found before the logs are read
            search = Search.builder().types(types.toArray(EntityType[]::new)).id(criteria.id)
                    .idPrefix(criteria.prefix).arn(criteria.arn).name(criteria.name).cidr(criteria.cidr).limit(limit)
                    .build();
        } catch (IllegalArgumentException e) {
            throw new ParameterException(inputs.spec.commandLine(), e.getMessage());
        }
        output.print(inputs.graph().search(search));
        return 0;
    }
}
