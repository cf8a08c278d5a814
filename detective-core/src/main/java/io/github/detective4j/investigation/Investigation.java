package io.github.detective4j.investigation;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.text.TextTable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An investigation of an IAM user or role over a scope time: Amazon Detective's investigation, its indicators of
 * compromise, and a severity derived by a documented rule. Ask one with {@code BehaviorGraph.investigate(entity,
 * scope)}.
 *
 * <h2>Severity</h2>
 * Each indicator has a severity of its own:
 * <table>
 *   <caption>Indicator severity</caption>
 *   <tr><th>indicator</th><th>severity</th></tr>
 *   <tr><td>{@code RELATED_FINDING}</td><td>the finding's own severity label</td></tr>
 *   <tr><td>{@code RELATED_FINDING_GROUP}</td><td>the group's highest severity</td></tr>
 *   <tr><td>{@code TTP_OBSERVED}</td><td>HIGH for the tactics Initial Access, Persistence, Privilege Escalation,
 *       Defense Evasion, Credential Access, Lateral Movement, Exfiltration and Impact; MEDIUM for Execution,
 *       Collection, Command and Control and Resource Development; LOW for Reconnaissance and Discovery (discovery
 *       bursts included); then one level lower when every call failed (for a discovery burst: every discovery call
 *       of its bursting hours; for password guessing, T1110.001 from ten or more refused console sign-ins in a
 *       window: every sign-in of its windows), and one level lower again when the entity also did it (a successful
 *       call) in its baseline (for techniques judged on a call's content, such as a console login without MFA: when
 *       such calls succeeded in the baseline; for a discovery burst or password guessing: when a window of the
 *       baseline was one too), routine
 *       use of a sensitive method being worth seeing, not an alarm. A technique a related finding's type names takes
 *       its tactic's severity.</td></tr>
 *   <tr><td>{@code IMPOSSIBLE_TRAVEL}, {@code FLAGGED_IP_ADDRESS}</td><td>HIGH</td></tr>
 *   <tr><td>{@code NEW_GEOLOCATION}, {@code NEW_ASO}, {@code NEW_USER_AGENT}</td><td>MEDIUM when new for the entire
 *       account, LOW otherwise</td></tr>
 * </table>
 * The investigation's severity is the highest of its indicators', INFORMATIONAL without any; it rises from HIGH to
 * CRITICAL when the evidence is corroborated: HIGH indicators from at least two independent sources (the entity's
 * own calls; impossible travel; threat intelligence; findings, where a finding, its group and the technique its
 * type names are one source), and at least one new behavior ({@code NEW_*}) of the entity.
 *
 * <p>The indicators of where and how the entity's credentials were used (impossible travel, a flagged address, a new
 * geolocation, ASO or user agent) count the entity's successful calls only: refused ones from an address, a failed
 * console sign-in under its user name from anywhere (password spraying) say that someone tried, not that the
 * credentials worked there. Refused calls still count in {@code TTP_OBSERVED}, one level lower (an attempt).
 *
 * <p>While the baseline is in training ({@link #inTraining()}: the graph holds less than its training period of
 * data before the scope) the {@code NEW_*} indicators are listed with their own severity but neither count toward
 * the highest nor corroborate: with too little history everything the entity does looks new, so "new" says nothing
 * about the entity yet. The other indicators do not compare with the baseline as new behavior does (a technique's
 * baseline lowering can only make it less severe) and count as usual.
 *
 * <h2>JSON</h2>
 * Detective's {@code GetInvestigation} answer and its {@code ListIndicators} answer in one object:
 * {@code InvestigationId} (21 digits, from the entity and scope), {@code EntityArn}, {@code EntityType}
 * ({@code IAM_USER} or {@code IAM_ROLE}), {@code CreatedTime}, {@code ScopeStartTime}, {@code ScopeEndTime},
 * {@code Status}, {@code Severity}, {@code State}, {@code Indicators}; and {@code Entity}, the entity's reference,
 * and {@code InTraining}, whether the baseline was in training.
 *
 * <p>Where the shape differs from Detective's, in one place: fields added, {@code Entity} and {@code InTraining}
 * here, {@code DistanceKilometers} in {@code ImpossibleTravelDetail}, {@code Source} (the list that flagged it) in
 * {@code FlaggedIpAddressDetail}, {@code Id} in {@code RelatedFindingDetail} (beside Detective's {@code Arn},
 * {@code Type} and {@code IpAddress}), {@code Title} in {@code RelatedFindingGroupDetail} (beside its {@code Id});
 * a field left out, {@code GraphArn} (there is no graph ARN); a value of another kind,
 * {@code FlaggedIpAddressDetail.Reason}, which is the list's own text where Detective's is the enum
 * {@code AWS_THREAT_INTELLIGENCE}, and {@code TTPsObservedDetail}'s {@code APISuccessCount}, which for a technique
 * taken from a finding's type is the finding's count.
 *
 * @param investigationId the id, the same for the same entity and scope
 * @param entity the investigated user or role
 * @param entityArn its ARN, or null when the logs never gave it
 * @param scope the scope time
 * @param createdTime when the investigation was first run, UTC
 * @param status whether it ran
 * @param severity the derived severity
 * @param inTraining true when the baseline was in training, so that new behavior did not count toward the severity
 * @param state active or archived
 * @param indicators the indicators, by type in {@link IndicatorType} order, then most severe first
 */
@JsonPropertyOrder({"InvestigationId", "Entity", "EntityArn", "EntityType", "CreatedTime", "ScopeStartTime",
    "ScopeEndTime", "Status", "Severity", "InTraining", "State", "Indicators"})
public record Investigation(
        @JsonProperty("InvestigationId") String investigationId,
        @JsonProperty("Entity") EntityRef entity,
        @JsonProperty("EntityArn") String entityArn,
        @JsonIgnore ScopeTime scope,
        @JsonProperty("CreatedTime") Instant createdTime,
        @JsonProperty("Status") InvestigationStatus status,
        @JsonProperty("Severity") InvestigationSeverity severity,
        @JsonProperty("InTraining") boolean inTraining,
        @JsonProperty("State") InvestigationState state,
        @JsonProperty("Indicators") List<Indicator> indicators) {
    /**
     * Creates an investigation.
     *
     * @param investigationId the id
     * @param entity the user or role
     * @param entityArn its ARN, or null
     * @param scope the scope time
     * @param createdTime when it was first run
     * @param status whether it ran
     * @param severity its severity
     * @param inTraining whether the baseline was in training
     * @param state active or archived
     * @param indicators its indicators
     */
    public Investigation {
        Objects.requireNonNull(investigationId, "investigation id");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(createdTime, "created time");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(state, "state");
        indicators = List.copyOf(indicators);
    }

    /**
     * Returns Detective's entity type.
     *
     * @return {@code IAM_USER} or {@code IAM_ROLE}
     */
    @JsonProperty("EntityType")
    public String entityType() {
        return entity.type() == EntityType.AWS_ROLE ? "IAM_ROLE" : "IAM_USER";
    }

    /**
     * Returns the scope's start.
     *
     * @return the first instant in scope, UTC
     */
    @JsonProperty("ScopeStartTime")
    public Instant scopeStartTime() {
        return scope.start();
    }

    /**
     * Returns the scope's end.
     *
     * @return the first instant after the scope, UTC
     */
    @JsonProperty("ScopeEndTime")
    public Instant scopeEndTime() {
        return scope.end();
    }

    /**
     * Returns the indicators of one type.
     *
     * @param type the type
     * @return those indicators, in order
     */
    public List<Indicator> indicators(IndicatorType type) {
        return indicators.stream().filter(i -> i.type() == type).toList();
    }

    /**
     * Returns a summary line and a table of the indicators.
     *
     * @return the text
     */
    @Override
    public String toString() {
        TextTable t = TextTable.of("indicator", "severity", "detail");
        for (Indicator i : indicators) {
            t.row(i.type().name(), i.severity().name(), summary(i.detail()));
        }
        return "Investigation " + investigationId + " of " + TextTable.clean(entity.toString()) + ", scope " + scope
                + ": " + severity + " (" + indicators.size() + " indicators, " + state + ")"
                + (inTraining ? " (baseline in training: new behavior does not count toward the severity)" : "")
                + (indicators.isEmpty() ? "" : "\n" + t);
    }

    private static String summary(IndicatorDetail detail) {
        if (detail instanceof TtpObserved t) {
            return t.tactic() + " " + t.technique() + (t.apiName() == null ? "" : ": " + t.apiName())
                    + (t.ipAddress() == null ? "" : " from " + t.ipAddress());
        }
        if (detail instanceof ImpossibleTravel t) {
            return t.startingLocation() + " -> " + t.endingLocation() + " in " + t.hourlyTimeDelta() + " h ("
                    + Math.round(t.speedKilometersPerHour()) + " km/h)";
        }
        if (detail instanceof FlaggedIpAddress f) {
            return f.ipAddress() + ": " + f.reason();
        }
        if (detail instanceof NewGeolocationDetail g) {
            return g.location() + " (" + g.ipAddress() + ")" + account(g.isNewForEntireAccount());
        }
        if (detail instanceof NewAsoDetail a) {
            return a.aso() + account(a.isNewForEntireAccount());
        }
        if (detail instanceof NewUserAgentDetail u) {
            return u.userAgent() + account(u.isNewForEntireAccount());
        }
        if (detail instanceof RelatedFinding f) {
            return f.findingType() + " " + f.id();
        }
        RelatedFindingGroup g = (RelatedFindingGroup) detail;
        return g.title() + " " + g.id();
    }

    private static String account(boolean newForAccount) {
        return newForAccount ? ", new for the account" : "";
    }
}
