package io.github.detective4j.examples.cli;

import io.github.detective4j.graph.BehaviorGraph;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.profile.Profile;
import io.github.detective4j.report.Report;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code detective report}: an entity's or a finding's answers as one self-contained HTML page ({@link Report}): its
 * profile, for a principal or bucket its new behavior, for a user or role its investigation, and the finding groups
 * that hold it.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write an HTML report of an entity or finding: its profile with timelines, its new behavior"
                + " with new and known geolocations on a world map (principals and buckets), its investigation"
                + " (users and roles) and the finding groups that hold it. One self-contained file: no script, no"
                + " network.")
final class ReportCommand implements Callable<Integer> {
    @Option(names = {"--entity", "-e"}, required = true, paramLabel = "ENTITY", description = "The entity or"
            + " finding, as <namespace>/<id>: findings/<finding id>, Ec2Instance/i-08a8e40be65425909,"
            + " AwsUser/AIDA..., IpAddress/104.16.1.42, ...")
    EntityRef entity;

    @Option(names = {"--out", "-o"}, required = true, paramLabel = "FILE", description = "The HTML file to write;"
            + " replaced if it exists.")
    Path file;

    @Option(names = "--title", paramLabel = "TEXT", description = "The page's title. Default: the entity.")
    String title;

    @Option(names = "--scale", paramLabel = "SCALE", description = "The timelines' value axis: linear or log."
            + " Default: linear.")
    Report.Scale scale = Report.Scale.LINEAR;

    @Option(names = "--region", paramLabel = "REGION", description = "Link entities into the Amazon Detective"
            + " console of this region, such as us-east-1. Default: no links out.")
    String region;

    @Mixin
    ScopeOption scope;

    @Mixin
    EnrichedInputs inputs;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        BehaviorGraph graph = inputs.graph();
        HeldEntity.in(graph, entity);
        Profile profile = scope.given(graph).map(s -> graph.profile(entity, s)).orElseGet(() -> graph.profile(entity));
        ScopeTime in = profile.scope();
        List<Object> answers = new ArrayList<>(List.of(profile));
        if (entity.type().isPrincipal() || entity.type() == EntityType.S3_BUCKET) {
            answers.add(graph.newBehavior(entity, in));
        }
        if (entity.type().isInvestigable()) {
            answers.add(graph.investigate(entity, in));
        }
        graph.findingGroups().stream()
                .filter(g -> g.findings().contains(entity) || g.entities().contains(entity))
                .forEach(answers::add);
        Report.Builder report = Report.builder().title(title == null ? "Report on " + entity : title).scale(scale);
        if (region != null) {
            report.region(region);
        }
        report.build().write(file, answers.toArray());
        spec.commandLine().getOut().printf(Locale.ROOT, "Wrote %s: %d sections about %s over %s%n",
                file.toAbsolutePath(), answers.size(), entity, in);
        spec.commandLine().getOut().flush();
        return 0;
    }
}
