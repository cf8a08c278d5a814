package io.github.detective4j.examples.siem;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.ScopeTime;
import java.util.List;

/**
 * One line of a {@link SiemFeed}: something new the behavior graph learned, with the library's own answer as its
 * detail and links into the Detective console. Serialised with {@code DetectiveJson}'s conventions (ISO-8601 UTC
 * instants, entity references as text, null fields left out), one JSON object a line:
 *
 * <pre>{@code
 * {"id":"5d41402abc4b2a76b9719d911017c592",
 *  "kind":"INDICATOR","type":"NEW_GEOLOCATION","entity":"AwsUser/AIDA...","scope":{"start":...,"end":...},
 *  "severity":"LOW","detail":{"IndicatorType":"NEW_GEOLOCATION","IndicatorDetail":{...}},
 *  "links":["https://console.aws.amazon.com/detective/home?region=us-east-1#entities/AwsUser/AIDA...?scopeStart=..."]}
 * }</pre>
 *
 * @param id what the line is about, as 32 hex digits: the same for the same subject in every run of a feed (a finding
 *     group's with each severity label it is written with), so that a SIEM can drop the lines that at-least-once
 *     delivery repeats
 * @param kind {@code FINDING_GROUP}, {@code INDICATOR} or {@code NEW_BEHAVIOR}
 * @param type what it is within its kind: the {@code IndicatorType} for an indicator, {@code NEW_GEOLOCATION},
 *     {@code NEW_API_CALL}, {@code NEW_ASO}, {@code NEW_USER_AGENT} or {@code INCREASED_VOLUME} for new behavior;
 *     null for a group
 * @param entity the group, or the principal investigated or compared
 * @param scope the scope time the answer is about: the group's observations, or the poll's new data
 * @param severity the group's highest severity label or the indicator's severity; null for new behavior
 * @param detail the library's answer: a {@code FindingGroup}, an {@code Indicator}, or an entry of {@code NewBehavior}
 * @param links Detective console links: the group's GuardDuty findings, or the entity's profile over the scope
 */
public record FeedEvent(String id, String kind, String type, EntityRef entity, ScopeTime scope, String severity,
        Object detail, List<String> links) {
    /** A new finding group. */
    public static final String FINDING_GROUP = "FINDING_GROUP";
    /** A new indicator of an investigation. */
    public static final String INDICATOR = "INDICATOR";
    /** A new entry of new behavior. */
    public static final String NEW_BEHAVIOR = "NEW_BEHAVIOR";

    /**
     * Creates a line; the links are copied.
     *
     * @param id the subject's id
     * @param kind the kind
     * @param type the type within the kind, or null
     * @param entity the entity
     * @param scope the scope time
     * @param severity the severity, or null
     * @param detail the answer
     * @param links the links
     */
    public FeedEvent {
        links = List.copyOf(links);
    }
}
