package io.github.detective4j.graph;

import io.github.detective4j.attack.ApiTechniques;
import io.github.detective4j.beacon.BeaconScorer;
import io.github.detective4j.behavior.VolumeIncreaseRule;
import io.github.detective4j.enrich.AsnResolver;
import io.github.detective4j.enrich.GeoLocator;
import io.github.detective4j.groups.FindingGroupRule;
import io.github.detective4j.intel.ThreatIntel;
import io.github.detective4j.investigation.ImpossibleTravelRule;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/** A graph's configuration, fixed when it is built ({@link BehaviorGraph.Builder}). */
record GraphSettings(
        Duration baseline,
        Duration trainingPeriod,
        Duration profileContext,
        int maxRelationships,
        int maxDrillDownKeys,
        int searchLimit,
        int maxBeaconSamples,
        GeoLocator geoLocator,
        AsnResolver asnResolver,
        VolumeIncreaseRule volumeIncrease,
        FindingGroupRule findingGroups,
        ImpossibleTravelRule impossibleTravel,
        ApiTechniques apiTechniques,
        ThreatIntel threatIntel,
        BeaconScorer beacons,
        Map<String, String> networkInterfaces,
        Clock clock) {
}
