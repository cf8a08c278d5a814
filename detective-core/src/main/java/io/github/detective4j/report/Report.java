package io.github.detective4j.report;

import io.github.detective4j.behavior.NewBehavior;
import io.github.detective4j.console.DetectiveConsole;
import io.github.detective4j.groups.FindingGroup;
import io.github.detective4j.investigation.Investigation;
import io.github.detective4j.profile.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Answers as one self-contained HTML page to attach to a ticket or serve from a SIEM: profiles with SVG timelines
 * (hourly series, the scope shaded, the baseline average drawn), new behavior with new and known geolocations on a
 * world plot, investigations with their indicators, finding groups with their tactics chain, and the drill-downs as
 * tables. Entities that have a section of their own on the page link to it; with a {@linkplain Builder#region
 * region}, entities and findings also link into the Amazon Detective console ({@link DetectiveConsole}).
 *
 * <pre>{@code
 * Report report = Report.builder().title("Crypto-mining on i-08a8e40be65425909").region("us-east-1").build();
 * report.write(Path.of("incident.html"),
 *         graph.profile(finding.ref(), scope),          // the finding, its traffic with the remote IP
 *         graph.newBehavior(admin, attack),              // Ashburn (new) against Tokyo (known), on the map
 *         graph.investigate(admin, attack),              // CRITICAL, with its indicators
 *         graph.findingGroups().get(0));
 * String html = report.render(graph.profile(ip, scope));   // one answer, one page
 * }</pre>
 *
 * <p>The page needs nothing but itself: CSS and SVG inline, no script, no font, no image or other fetch, and a
 * Content-Security-Policy that forbids any (the style sheet is allowed by its hash, so not even a style attribute
 * would apply). It reads without JavaScript: drill-downs open with HTML's own {@code <details>}. Every string from
 * the logs (names, user agents, request parameters, finding titles) is escaped for where it goes, and control and
 * bidirectional characters are shown as {@code \}{@code uXXXX} as in the library's text tables. Times are UTC, bytes
 * are in SI units (1 kB = 1,000 bytes), series are per hour.
 *
 * <p>Immutable and thread-safe; each call renders a new page from the answers given, which are values.
 */
public final class Report {
    private final String title;
    private final Scale scale;
    private final DetectiveConsole console;

    private Report(Builder builder) {
        this.title = builder.title;
        this.scale = builder.scale;
        this.console = builder.region == null ? null : new DetectiveConsole(builder.region);
    }

    /**
     * Starts a report's options: title "detective4j report", linear scale, no console links.
     *
     * <pre>{@code
     * Report report = Report.builder().title("Incident 42").scale(Report.Scale.LOG).build();
     * }</pre>
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Renders answers as one page, a section each in the order given, with a table of contents.
     *
     * <pre>{@code
     * String html = report.render(graph.profile(finding.ref(), scope), graph.investigate(admin, scope));
     * }</pre>
     *
     * @param answers one or more {@link Profile}, {@link NewBehavior}, {@link Investigation} or {@link FindingGroup}
     * @return the HTML document
     * @throws IllegalArgumentException if there is no answer, or one is of another type
     */
    public String render(Object... answers) {
        List<Object> sections = List.of(answers); // also refuses null answers
        if (sections.isEmpty()) {
            throw new IllegalArgumentException("a report needs at least one answer");
        }
        for (Object answer : sections) {
            if (!(answer instanceof Profile || answer instanceof NewBehavior || answer instanceof Investigation
                    || answer instanceof FindingGroup)) {
                throw new IllegalArgumentException("a report renders profiles, new behavior, investigations and"
                        + " finding groups, not " + answer.getClass().getName());
            }
        }
        return new Page(title, scale, Optional.ofNullable(console), sections).html();
    }

    /**
     * Renders answers as one page into a file, as UTF-8, replacing the file if it exists.
     *
     * <pre>{@code
     * report.write(Path.of("incident.html"), profile, newBehavior, investigation);
     * }</pre>
     *
     * @param file the file to write
     * @param answers as for {@link #render}
     * @throws IOException if the file cannot be written
     * @throws IllegalArgumentException as for {@link #render}
     */
    public void write(Path file, Object... answers) throws IOException {
        Files.writeString(file, render(answers), StandardCharsets.UTF_8);
    }

    /** How the timelines' value axis runs. */
    public enum Scale {
        /** Zero to the largest value in even steps: steady volumes look steady. */
        LINEAR,
        /** Powers of ten: a few calls show next to thousands. */
        LOG
    }

    /**
     * The options of a {@link Report}. Not thread-safe; the report it builds is.
     *
     * <pre>{@code
     * Report report = Report.builder().title("Incident 42").scale(Report.Scale.LOG).region("us-east-1").build();
     * }</pre>
     */
    public static final class Builder {
        private String title = "detective4j report";
        private Scale scale = Scale.LINEAR;
        private String region;

        private Builder() {}

        /**
         * Sets the page's title and heading.
         *
         * <pre>{@code
         * Report.builder().title("Crypto-mining on i-08a8e40be65425909");
         * }</pre>
         *
         * @param title the title; escaped like every other text
         * @return this builder
         */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /**
         * Sets the value axis of every timeline.
         *
         * <pre>{@code
         * Report.builder().scale(Report.Scale.LOG);
         * }</pre>
         *
         * @param scale linear (the default) or logarithmic
         * @return this builder
         */
        public Builder scale(Scale scale) {
            this.scale = Objects.requireNonNull(scale, "scale");
            return this;
        }

        /**
         * Links entities and GuardDuty findings into the Amazon Detective console of a region, in Detective's URL
         * format ({@link DetectiveConsole}). Without a region the page has no links out.
         *
         * <pre>{@code
         * Report.builder().region("us-east-1");
         * }</pre>
         *
         * @param region the behavior graph's region, such as {@code us-east-1}
         * @return this builder
         */
        public Builder region(String region) {
            this.region = Objects.requireNonNull(region, "region");
            return this;
        }

        /**
         * Builds the report.
         *
         * <pre>{@code
         * Report report = Report.builder().build();
         * }</pre>
         *
         * @return the report, immutable
         */
        public Report build() {
            return new Report(this);
        }
    }
}
