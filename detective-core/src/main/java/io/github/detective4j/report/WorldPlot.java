package io.github.detective4j.report;

import java.util.List;

/**
 * Places on an equirectangular plot of the world as inline SVG: longitude across, latitude up, two units a degree,
 * a graticule every 30 degrees instead of map tiles. New places are drawn over known ones, each labelled, with its
 * coordinates on the element ({@code data-latitude}, {@code data-longitude}) for tests and scripts.
 */
final class WorldPlot {
    private static final int SCALE = 2;

    /** One place: its label, where it is, whether it is new, and how many calls came from it. */
    record Place(String label, double latitude, double longitude, boolean isNew, long calls) {}

    private WorldPlot() {}

    static void render(Html html, String caption, List<Place> places) {
        html.open("svg", "class", "world", "role", "img", "viewBox", "-4 -4 " + (360 * SCALE + 8) + " "
                + (180 * SCALE + 8));
        html.element("title", caption);
        html.empty("rect", "class", "earth", "x", "0", "y", "0", "width", 360 * SCALE, "height", 180 * SCALE);
        for (int lon = -150; lon < 180; lon += 30) {
            double x = x(lon);
            html.empty("line", "class", lon == 0 ? "graticule axis" : "graticule", "x1", Html.number(x), "x2",
                    Html.number(x), "y1", "0", "y2", 180 * SCALE);
            html.element("text", Math.abs(lon) + (lon < 0 ? "°W" : lon > 0 ? "°E" : "°"), "class", "tick", "x",
                    Html.number(x + 3), "y", 180 * SCALE - 4);
        }
        for (int lat = -60; lat <= 60; lat += 30) {
            double y = y(lat);
            html.empty("line", "class", lat == 0 ? "graticule axis" : "graticule", "x1", "0", "x2", 360 * SCALE,
                    "y1", Html.number(y), "y2", Html.number(y));
            html.element("text", Math.abs(lat) + (lat < 0 ? "°S" : lat > 0 ? "°N" : "°"), "class", "tick", "x", "3",
                    "y", Html.number(y - 3));
        }
        long most = places.stream().filter(p -> !p.isNew()).mapToLong(Place::calls).max().orElse(1);
        // Known places first, so that a new one in the same city is drawn on top.
        for (boolean isNew : new boolean[] {false, true}) {
            for (Place p : places) {
                if (p.isNew() != isNew) {
                    continue;
                }
                // Known places grow with their calls; a new one keeps one size, so that a few calls still stand out.
                double r = isNew ? 7 : 4 + 6 * Math.sqrt((double) Math.max(p.calls(), 0) / Math.max(most, 1));
                String kind = isNew ? "new" : "known";
                html.open("g", "class", "place " + kind, "data-kind", kind, "data-label", p.label(),
                        "data-latitude", p.latitude(), "data-longitude", p.longitude());
                html.open("circle", "cx", Html.number(x(p.longitude())), "cy", Html.number(y(p.latitude())),
                        "r", Html.number(r));
                html.element("title", p.label() + " (" + kind + "): " + Quantities.count(p.calls()) + " calls, "
                        + p.latitude() + ", " + p.longitude()).close("circle");
                boolean east = p.longitude() < 120; // labels of the far east go to the left, to stay on the plot
                html.element("text", p.label() + (isNew ? " (new)" : ""), "class", "place-label", "x",
                        Html.number(x(p.longitude()) + (east ? r + 3 : -r - 3)), "y",
                        Html.number(y(p.latitude()) + (isNew ? -4 : 12)), "text-anchor", east ? "start" : "end");
                html.close("g");
            }
        }
        html.close("svg");
    }

    private static double x(double longitude) {
        return (longitude + 180) * SCALE;
    }

    private static double y(double latitude) {
        return (90 - latitude) * SCALE;
    }
}
