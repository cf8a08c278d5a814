package io.github.detective4j.profile;

import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.ScopeTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An entity's profile over a scope time: the panels Amazon Detective shows on the entity's profile page, as
 * immutable values. Ask one with {@code BehaviorGraph.profile(entity, scope)}.
 *
 * <table>
 *   <caption>Panels by entity type</caption>
 *   <tr><th>entity</th><th>panels</th></tr>
 *   <tr><td>account</td><td>{@link Details}, {@link FindingsPanel}, {@link ApiCallVolume}</td></tr>
 *   <tr><td>user, role, role session, federated user</td>
 *       <td>{@link Details}, {@link FindingsPanel}, {@link ApiCallVolume}, {@link SessionActivity}</td></tr>
 *   <tr><td>EC2 instance</td><td>{@link Details}, {@link FindingsPanel}, {@link FlowVolume},
 *       {@link DistinctCounts}</td></tr>
 *   <tr><td>IP address</td><td>{@link Details}, {@link FindingsPanel}, {@link ApiCallVolume}, {@link FlowVolume},
 *       {@link DistinctCounts}, {@link CommunicatingInstances}, {@link ResourceInteraction}</td></tr>
 *   <tr><td>user agent, S3 bucket</td><td>{@link Details}, {@link FindingsPanel}, {@link ApiCallVolume},
 *       {@link ResourceInteraction}</td></tr>
 *   <tr><td>finding</td><td>{@link Details}, {@link FindingOverview}, {@link RemoteIpTraffic}</td></tr>
 *   <tr><td>finding group</td><td>{@link Details} (never observed itself), {@link FindingsPanel} (the group's
 *       findings, whenever observed)</td></tr>
 * </table>
 *
 * <pre>{@code
 * Profile p = graph.profile(EntityRef.ec2Instance("i-08a8e40be65425909"), scope);
 * p.details().createdBy();                          // AwsUser/AIDA...
 * p.flowVolume().orElseThrow().rows().get(0);       // the peer with the most bytes
 * System.out.println(p);                            // every panel as a table, hourly series as sparklines
 * }</pre>
 *
 * <p>An entity the graph never observed has a profile too: its details say so and its panels are empty. JSON (see
 * {@code DetectiveJson}) has {@code entity}, {@code scope}, {@code inTraining} and a {@code panels} object keyed by
 * {@link Panel#key()}.
 *
 * @param entity the profiled entity
 * @param scope the scope time
 * @param inTraining true when the graph holds less than the training period (14 days by default) of data before the
 *     scope start, so that baselines are not yet meaningful, as Amazon Detective says of a new behavior graph
 * @param panels the panels, in the order of the table above
 */
public record Profile(EntityRef entity, ScopeTime scope, boolean inTraining, List<Panel> panels) {
    /**
     * Creates a profile.
     *
     * @param entity the profiled entity
     * @param scope the scope time
     * @param inTraining whether the graph is still in training for this scope
     * @param panels the panels; the first must be the {@link Details}
     * @throws IllegalArgumentException if the first panel is not the details
     */
    public Profile {
        panels = List.copyOf(panels);
        if (panels.isEmpty() || !(panels.get(0) instanceof Details)) {
            throw new IllegalArgumentException("a profile starts with its Details panel");
        }
    }

    /**
     * Returns the entity's details.
     *
     * @return the details panel
     */
    public Details details() {
        return (Details) panels.get(0);
    }

    /**
     * Returns the findings associated with the entity around the scope.
     *
     * @return the findings panel, or empty for a finding's own profile
     */
    public Optional<FindingsPanel> findings() {
        return panel(FindingsPanel.class);
    }

    /**
     * Returns the overall API call volume.
     *
     * @return the panel, or empty for instances and findings
     */
    public Optional<ApiCallVolume> apiCallVolume() {
        return panel(ApiCallVolume.class);
    }

    /**
     * Returns the overall VPC flow volume.
     *
     * @return the panel, for instances and IP addresses
     */
    public Optional<FlowVolume> flowVolume() {
        return panel(FlowVolume.class);
    }

    /**
     * Returns the distinct ports and peers per hour.
     *
     * @return the panel, for instances and IP addresses
     */
    public Optional<DistinctCounts> distinctCounts() {
        return panel(DistinctCounts.class);
    }

    /**
     * Returns the EC2 instances that communicated with this IP address.
     *
     * @return the panel, for IP addresses
     */
    public Optional<CommunicatingInstances> instances() {
        return panel(CommunicatingInstances.class);
    }

    /**
     * Returns who used this IP address, user agent or bucket.
     *
     * @return the panel, for IP addresses, user agents and S3 buckets
     */
    public Optional<ResourceInteraction> interaction() {
        return panel(ResourceInteraction.class);
    }

    /**
     * Returns the sessions around this principal: a role's sessions and who started them, the sessions it started.
     *
     * @return the panel, for users, roles, role sessions and federated users
     */
    public Optional<SessionActivity> sessions() {
        return panel(SessionActivity.class);
    }

    /**
     * Returns the finding and the entities it involves.
     *
     * @return the panel, for findings
     */
    public Optional<FindingOverview> finding() {
        return panel(FindingOverview.class);
    }

    /**
     * Returns the traffic between the finding's instances and its remote IP addresses.
     *
     * @return the panel, for findings
     */
    public Optional<RemoteIpTraffic> flowsWithRemoteIp() {
        return panel(RemoteIpTraffic.class);
    }

    /**
     * Returns the panel of a type.
     *
     * @param <P> the panel type
     * @param type the panel class
     * @return the panel, or empty when this entity type has none
     */
    public <P extends Panel> Optional<P> panel(Class<P> type) {
        for (Panel panel : panels) {
            if (type.isInstance(panel)) {
                return Optional.of(type.cast(panel));
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the panels keyed by {@link Panel#key()}, in order: the shape of the {@code panels} object in JSON.
     *
     * @return an unmodifiable map
     */
    public Map<String, Panel> panelsByKey() {
        Map<String, Panel> byKey = new LinkedHashMap<>();
        for (Panel panel : panels) {
            byKey.put(panel.key(), panel);
        }
        return java.util.Collections.unmodifiableMap(byKey);
    }

    /**
     * Returns a heading and every panel as text, separated by blank lines.
     *
     * @return the text
     */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("Profile of ").append(PanelText.text(entity))
                .append(", scope ").append(scope);
        if (inTraining) {
            out.append(" (in training: less than the training period of data before the scope)");
        }
        for (Panel panel : panels) {
            out.append("\n\n").append(panel);
        }
        return out.toString();
    }
}
