package io.github.detective4j.examples.cli;

import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.ScopeTime;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code detective new-behavior}: what a principal or bucket did in the scope that it had not done in the baseline,
 * or, without an entity, every principal ranked by how much is new.
 */
@Command(name = "new-behavior", mixinStandardHelpOptions = true,
        description = "Print what is newly observed in the scope against the 45 days before it: geolocations (with"
                + " --geoip), API calls, ASOs (with --asn or a --geoip that has them), user agents, API calls with"
                + " increased volume. Without --entity, rank every principal by how much is new.")
final class NewBehaviorCommand implements Callable<Integer> {
    @Option(names = {"--entity", "-e"}, paramLabel = "ENTITY", description = "A principal or S3 bucket, as"
            + " <namespace>/<id>: AwsUser/AIDA..., AwsRole/AROA..., AwsRoleSession/AROA...:name, ...")
    EntityRef entity;

    @Mixin
    ScopeOption scope;

    @Mixin
    LocatedInputs inputs;

    @Mixin
    Output output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (entity != null && !entity.type().isPrincipal() && entity.type() != EntityType.S3_BUCKET) {
            throw new ParameterException(spec.commandLine(), "--entity must be a principal (AwsUser, AwsRole,"
                    + " AwsRoleSession, FederatedUser, AwsAccount) or an S3Bucket, not " + entity.type().namespace()
                    + ": new behavior compares what such an entity did with its baseline");
        }
        BehaviorGraph graph = inputs.graph();
        ScopeTime in = scope.in(graph);
        output.print(entity == null ? graph.newBehavior(in) : graph.newBehavior(HeldEntity.in(graph, entity), in));
        return 0;
    }
}
