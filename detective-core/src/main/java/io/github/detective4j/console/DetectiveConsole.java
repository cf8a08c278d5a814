package io.github.detective4j.console;

import com.google.common.escape.Escaper;
import com.google.common.net.PercentEscaper;
import com.google.common.net.UrlEscapers;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.ScopeTime;
import java.util.Objects;
import java.util.Optional;

/**
 * Links into the Amazon Detective console of one region, in the URL format Detective documents ("Navigating to a
 * profile using a URL"): {@code https://console.aws.amazon.com/detective/home?region=<region>#<type>/<namespace>/<id>
 * ?scopeStart=<epoch>&scopeEnd=<epoch>}, where the type is {@code entities} or {@code findings}, the namespace an
 * entity type ({@code AwsUser}, {@code IpAddress}, ...) or a finding provider ({@code GuardDuty}), and the scope
 * times epoch seconds, UTC, as in Detective's own example. Ids are escaped as URL path segments, so a user agent's
 * spaces and slashes cannot change where a link leads, and making a link never fails on an id: an unpaired UTF-16
 * surrogate, which hostile JSON can write ({@code "\}{@code ud800"}) and which has no UTF-8 form to percent-escape,
 * becomes U+FFFD ({@code %EF%BF%BD}), as a browser makes of it.
 *
 * <pre>{@code
 * DetectiveConsole console = new DetectiveConsole("us-east-1");
 * console.entity(EntityRef.ipAddress("104.16.1.42"), scope);
 * // https://console.aws.amazon.com/detective/home?region=us-east-1#entities/IpAddress/104.16.1.42?scopeStart=1795060800&scopeEnd=1795824000
 * console.finding(finding).orElseThrow();   // https://...#findings/GuardDuty/c2b98b95...?scopeStart=...
 * }</pre>
 *
 * <p>The links open the organisation's own Detective, if it has one, on the same data; detective4j's answers are
 * built to match the profiles they lead to. Immutable and thread-safe.
 *
 * @param region the behavior graph's region, such as {@code us-east-1}
 */
public record DetectiveConsole(String region) {
    private static final String HOME = "https://console.aws.amazon.com/detective/home?region=";
    /**
     * An id in the fragment's path: every character but the unreserved ones and the colon of a role session's id is
     * escaped, sub-delimiters too ({@code &}, {@code =}, {@code ;}, {@code +}), so that a client that looks for
     * {@code scopeStart=} anywhere in the fragment cannot be handed the attacker's.
     */
    private static final Escaper SEGMENT = new PercentEscaper("-._~:", false);
    private static final Escaper QUERY = UrlEscapers.urlFormParameterEscaper();

    /**
     * Creates the links of a region.
     *
     * @param region the region
     * @throws NullPointerException if the region is null
     */
    public DetectiveConsole {
        Objects.requireNonNull(region, "region");
    }

    /**
     * Returns the link to an entity's profile over a scope time.
     *
     * @param entity any entity but a finding or finding group, which Detective shows elsewhere
     * @param scope the scope time
     * @return the link
     * @throws IllegalArgumentException for a finding or a finding group
     */
    public String entity(EntityRef entity, ScopeTime scope) {
        if (entity.type() == EntityType.FINDING || entity.type() == EntityType.FINDING_GROUP) {
            throw new IllegalArgumentException("Detective links findings by provider and has no link for groups: "
                    + entity);
        }
        return link("entities", entity.type().namespace(), entity.id(), scope);
    }

    /**
     * Returns the link to a GuardDuty finding's overview over its own scope ({@link ScopeTime#ofFinding}).
     *
     * @param finding the finding
     * @return the link, or empty for other providers' findings, whose namespaces Detective does not document
     */
    public Optional<String> finding(Finding finding) {
        if (!"GuardDuty".equals(finding.sourceProduct())) {
            return Optional.empty();
        }
        return Optional.of(link("findings", "GuardDuty", finding.id(), ScopeTime.ofFinding(finding)));
    }

    private String link(String type, String namespace, String id, ScopeTime scope) {
        return HOME + QUERY.escape(wellFormed(region)) + "#" + type + "/" + namespace + "/"
                + segment(id)
                + "?scopeStart=" + scope.start().getEpochSecond() + "&scopeEnd=" + scope.end().getEpochSecond();
    }

    /** An id as one path segment; {@code .} and {@code ..}, which a router would resolve, with their dots escaped. */
    private static String segment(String id) {
        return id.equals(".") || id.equals("..") ? id.replace(".", "%2E") : SEGMENT.escape(wellFormed(id));
    }

    /**
     * The text with every unpaired surrogate replaced by U+FFFD: Guava's escapers throw on them, and one hostile id
     * would otherwise stop every page or feed poll that links to it.
     */
    private static String wellFormed(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            int width = Character.charCount(c);
            if (Character.getType(c) == Character.SURROGATE) { // a pair reads as one code point: this one is alone
                if (out == null) {
                    out = new StringBuilder(text.length()).append(text, 0, i);
                }
                out.append('\uFFFD');
            } else if (out != null) {
                out.append(text, i, i + width);
            }
            i += width;
        }
        return out == null ? text : out.toString();
    }
}
