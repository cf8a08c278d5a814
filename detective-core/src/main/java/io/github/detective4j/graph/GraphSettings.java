package io.github.detective4j.graph;

import java.time.Duration;

/** A graph's configuration, fixed when it is built ({@link BehaviorGraph.Builder}). */
record GraphSettings(
        Duration baseline,
        Duration trainingPeriod,
        Duration profileContext,
        int maxRelationships,
        int maxDrillDownKeys,
        int searchLimit) {
}
