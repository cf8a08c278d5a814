package io.github.detective4j.examples.cli;

import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.groups.FindingGroup;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code detective groups}: the finding groups, findings linked through the entities they share, most severe first,
 * each with its tactics chain.
 */
@Command(name = "groups", mixinStandardHelpOptions = true,
        description = "Print the finding groups: findings linked through shared entities (role session, IP, instance),"
                + " most severe first, with their ATT&CK tactics chain.")
final class GroupsCommand implements Callable<Integer> {
    @Mixin
    Inputs inputs;

    @Mixin
    Output output;

    @Override
    public Integer call() throws IOException {
        BehaviorGraph graph = inputs.graph();
        List<FindingGroup> groups = graph.findingGroups();
        output.print(groups, groups.isEmpty() ? "no finding groups in " + graph.findings().size() + " findings"
                : groups.stream().map(FindingGroup::toString).collect(Collectors.joining("\n\n")));
        return 0;
    }
}
