package io.github.detective4j.examples.cli;

import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.investigation.Investigation;
import io.github.detective4j.model.EntityRef;
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
 * {@code detective investigate}: an investigation of an IAM user or role over a scope, as Amazon Detective runs one:
 * indicators of compromise with their evidence, and a severity.
 */
@Command(name = "investigate", mixinStandardHelpOptions = true,
        description = "Investigate an IAM user or role: indicators of compromise (TTP_OBSERVED, IMPOSSIBLE_TRAVEL,"
                + " FLAGGED_IP_ADDRESS, NEW_GEOLOCATION, NEW_ASO, NEW_USER_AGENT, RELATED_FINDING,"
                + " RELATED_FINDING_GROUP) with their evidence, and the investigation's severity.")
final class InvestigateCommand implements Callable<Integer> {
    @Option(names = {"--entity", "-e"}, required = true, paramLabel = "ENTITY",
            description = "The user or role, as AwsUser/<principal id> or AwsRole/<principal id>.")
    EntityRef entity;

    @Mixin
    ScopeOption scope;

    @Mixin
    EnrichedInputs inputs;

    @Mixin
    Output output;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (!entity.type().isInvestigable()) {
            throw new ParameterException(spec.commandLine(), "--entity must be an AwsUser or AwsRole, not "
                    + entity.type().namespace() + " (a role session is investigated through its role)");
        }
        BehaviorGraph graph = inputs.graph();
        ScopeTime in = scope.in(graph);
        Investigation investigation = graph.investigate(HeldEntity.in(graph, entity), in);
        // INFORMATIONAL from a scope the entity was quiet in is no all-clear: say which it is
        boolean quiet = graph.profile(entity, in).apiCallVolume().map(v -> v.total() == 0).orElse(true);
        output.print(investigation, investigation + (quiet ? "\n\nnote: " + entity + " made no API calls in the"
                + " scope " + in + "; its data spans " + graph.entity(entity).map(e -> e.firstObserved() + " to "
                + e.lastObserved()).orElse("nothing") : ""));
        return 0;
    }
}
