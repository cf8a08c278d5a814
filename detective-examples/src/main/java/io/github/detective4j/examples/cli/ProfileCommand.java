package io.github.detective4j.examples.cli;

import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.profile.Profile;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code detective profile}: an entity's profile over a scope time, with the panels Detective shows for its type
 * (details, findings, API call and VPC flow volume against the baseline, communicating instances, ...).
 */
@Command(name = "profile", mixinStandardHelpOptions = true,
        description = "Print an entity's profile: the panels Amazon Detective shows for its type, as tables with"
                + " sparklines of every hour.")
final class ProfileCommand implements Callable<Integer> {
    @Option(names = {"--entity", "-e"}, required = true, paramLabel = "ENTITY", description = "The entity, as"
            + " <namespace>/<id>: Ec2Instance/i-08a8e40be65425909, IpAddress/104.16.1.42, AwsUser/AIDA...,"
            + " findings/<finding id>, ...")
    EntityRef entity;

    @Mixin
    ScopeOption scope;

    @Mixin
    Inputs inputs;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        BehaviorGraph graph = inputs.graph();
        HeldEntity.in(graph, entity);
        Profile profile = scope.given(graph).map(s -> graph.profile(entity, s)).orElseGet(() -> graph.profile(entity));
        output.print(profile);
        return 0;
    }
}
