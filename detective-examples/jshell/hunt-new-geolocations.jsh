// Hunt: which principals gained new geolocations this week, and in each of the three weeks before?
// Needs the session of startup.jsh (graph, now). A week is the 7 days ending at `now` (the end of the data), or 7,
// 14, 21 days before it; each week is compared with the 45 days before it, as Detective does, so a place first seen
// last week is no longer new this week.

TextTable newPlaces = TextTable.of("week", "principal", "name", "new geolocation", "addresses", "calls",
        "first seen", "new for account");
for (int weeksAgo = 0; weeksAgo < 4; weeksAgo++) {
    Instant weekEnd = now.minus(Duration.ofDays(7L * weeksAgo));
    ScopeTime week = ScopeTime.of(weekEnd.minus(Duration.ofDays(7)), weekEnd);
    String label = weeksAgo == 0 ? "this week" : weeksAgo + (weeksAgo == 1 ? " week ago" : " weeks ago");
    if (graph.baseline(week).inTraining()) {
        newPlaces.row(label, "(baseline in training: too little data before " + week.start() + ")");
        continue;
    }
    int found = 0;
    for (PrincipalNewBehavior ranked : graph.newBehavior(week).principals()) {
        if (ranked.geolocations() == 0) {
            continue;
        }
        for (NewGeolocation place : graph.newBehavior(ranked.principal(), week).geolocations()) {
            newPlaces.row(label, ranked.principal().toString(), ranked.name(), place.location().label(),
                    place.ipAddresses().stream().map(EntityRef::id).collect(Collectors.joining(" ")),
                    place.success() + place.failure(), place.firstObserved(), place.newForAccount());
            found++;
        }
    }
    if (found == 0) {
        newPlaces.row(label, "(nobody)");
    }
}
System.out.println("\n== Principals with new geolocations, week by week, up to " + now);
System.out.println(newPlaces);
