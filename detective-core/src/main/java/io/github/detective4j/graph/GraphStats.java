package io.github.detective4j.graph;

import io.github.detective4j.model.EntityType;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A behavior graph's size and what it refused or capped: for monitoring an embedded graph and for sizing one.
 *
 * @param entities entities by type
 * @param relationships relationships of every type
 * @param apiCalls API calls ingested
 * @param flows flow records with traffic ingested
 * @param flowsWithoutTraffic flow records skipped because they carried none ({@code NODATA}, {@code SKIPDATA})
 * @param findingUpdates finding versions ingested (several updates of one finding count each)
 * @param findings distinct findings
 * @param refusedEvents events refused because their times lie outside the years 1970 to 9999
 * @param droppedRelationships relationships not recorded because an end reached the per-entity cap, including those
 *     whose new target was not created for that reason; their calls and traffic still count in each end's own series
 * @param overflowedDrillDowns events counted in an {@code (other)} drill-down row because the entity reached its
 *     drill-down cap
 * @param droppedEntities times an event's user agent, address, bucket or flow peer was not created as an entity
 *     because the entity that would own it was at its relationship cap (for a call without a principal entity its
 *     account, for a flow record without an instance its interface, stands in as the owner); what the event counted
 *     still counts in the owner's own series and its {@code (other)} drill-down rows
 * @param firstEvent the earliest event time, UTC, or null for an empty graph
 * @param lastEvent the latest event time, UTC, or null for an empty graph
 * @param hourlyCells hourly cells held in all series: the unit memory grows with
 * @param seriesBytes bytes held by all hourly series (their objects and cells, spare capacity included, so it varies
 *     a little with the order each series' events arrived in) and beacon samples; not counted is what the store of the
 *     API-call series' cells keeps besides (the cells of series that grew, for reuse, up to as much again as the
 *     series hold, or 4 MiB, before the graph compacts them after a batch, and the chunks' ends not yet used)
 */
public record GraphStats(Map<EntityType, Integer> entities, long relationships, long apiCalls, long flows,
        long flowsWithoutTraffic, long findingUpdates, int findings, long refusedEvents, long droppedRelationships,
        long overflowedDrillDowns, long droppedEntities, Instant firstEvent, Instant lastEvent, long hourlyCells,
        long seriesBytes) {
    /**
     * Creates the statistics.
     *
     * @param entities entities by type
     * @param relationships relationships
     * @param apiCalls API calls ingested
     * @param flows flow records ingested
     * @param flowsWithoutTraffic flow records without traffic
     * @param findingUpdates finding versions ingested
     * @param findings distinct findings
     * @param refusedEvents events refused
     * @param droppedRelationships relationships dropped by the cap
     * @param overflowedDrillDowns events in overflow rows
     * @param droppedEntities entities not created past a cap
     * @param firstEvent the earliest event time, or null
     * @param lastEvent the latest event time, or null
     * @param hourlyCells hourly cells
     * @param seriesBytes bytes of the series' objects and cells, and of beacon samples
     */
    public GraphStats {
        // in the types' order, run after run: Map.copyOf's order changes from one JVM to the next
        entities = entities.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(entities));
    }

    /**
     * Returns the number of entities of every type.
     *
     * @return the sum of {@link #entities()}
     */
    public long entityCount() {
        return entities.values().stream().mapToLong(Integer::longValue).sum();
    }
}
