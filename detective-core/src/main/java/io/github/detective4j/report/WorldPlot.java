package io.github.detective4j.report;

import java.util.List;

/**
 * Places on an equirectangular plot of the world as inline SVG: longitude across, latitude up, two units a degree,
 * rough outlines of the continents and a graticule every 30 degrees instead of map tiles. New places are drawn over
 * known ones, each labelled (to the right, or to the left where the label would leave the plot), with its
 * coordinates on the element ({@code data-latitude}, {@code data-longitude}) for tests and scripts.
 */
final class WorldPlot {
    private static final int SCALE = 2;
    /** About how wide a character of a place's label is, in plot units (the style sheet sets it 13 units high). */
    private static final double LABEL_CHAR_WIDTH = 7;

    /** One place: its label, where it is, whether it is new, and how many calls came from it. */
    record Place(String label, double latitude, double longitude, boolean isNew, long calls) {}

    /**
     * The continents' rough outlines, by hand to a few degrees, as latitude and longitude pairs: enough to tell
     * Virginia from Tokyo, with no map data to ship or fetch.
     */
    private static final double[][] LAND = {
        {71, -157, 70, -141, 69, -135, 70, -125, 68, -110, 68, -100, 70, -90, 69, -81, 66, -86, 63, -90, 59, -94,
            55, -85, 51, -80, 55, -77, 60, -78, 62, -75, 58, -68, 60, -64, 55, -60, 52, -56, 47, -53, 45, -61,
            44, -66, 41, -70, 39, -74, 35, -76, 32, -81, 27, -80, 25, -81, 30, -84, 30, -88, 29, -94, 26, -97,
            19, -96, 21, -90, 21, -87, 18, -88, 16, -86, 15, -83, 11, -83, 9, -79, 8, -77, 7, -80, 9, -85,
            13, -88, 15, -93, 16, -95, 20, -105, 23, -110, 32, -117, 34, -120, 42, -124, 49, -125, 55, -131,
            59, -138, 60, -147, 58, -157, 60, -165, 68, -165}, // North America
        {60, -43, 65, -40, 70, -22, 77, -18, 82, -20, 83, -35, 82, -60, 78, -72, 76, -68, 70, -55, 65, -52},
        {12, -72, 10, -62, 6, -57, 2, -50, -2, -44, -5, -35, -10, -36, -15, -39, -23, -41, -25, -48, -33, -52,
            -35, -57, -39, -62, -42, -64, -47, -66, -52, -69, -55, -67, -54, -71, -47, -75, -40, -74, -30, -71,
            -18, -70, -14, -76, -5, -81, -1, -80, 2, -79, 7, -78, 9, -77}, // South America
        {37, -9, 43, -9, 44, -1, 48, -5, 51, 2, 54, 8, 58, 6, 62, 5, 66, 13, 70, 20, 71, 27, 69, 33, 67, 41,
            68, 44, 69, 60, 73, 70, 72, 80, 76, 100, 74, 112, 72, 130, 70, 150, 69, 170, 66, 180, 62, 179,
            60, 170, 60, 163, 55, 162, 51, 157, 59, 152, 59, 143, 54, 141, 48, 140, 43, 135, 39, 128, 35, 129,
            35, 127, 38, 125, 40, 122, 37, 119, 35, 120, 31, 122, 26, 120, 22, 114, 21, 108, 17, 107, 11, 109,
            9, 105, 13, 100, 7, 100, 1, 104, 4, 101, 8, 98, 16, 98, 16, 95, 22, 91, 21, 87, 15, 80, 8, 77,
            10, 76, 16, 73, 21, 72, 23, 68, 25, 62, 25, 57, 27, 56, 24, 52, 29, 48, 27, 50, 24, 51, 22, 59,
            17, 55, 13, 45, 16, 43, 21, 39, 28, 34, 31, 34, 36, 36, 37, 30, 36, 28, 40, 26, 38, 24, 36, 22,
            40, 20, 45, 13, 44, 12, 41, 16, 38, 16, 40, 15, 44, 9, 43, 5, 43, 3, 41, 2, 37, -2, 36, -6}, // Eurasia
        {36, -6, 35, -2, 37, 10, 33, 11, 31, 20, 33, 23, 31, 32, 28, 34, 22, 37, 15, 40, 12, 43, 11, 51, 2, 46,
            -4, 40, -10, 40, -15, 41, -20, 35, -25, 35, -30, 31, -34, 26, -35, 20, -33, 18, -29, 16, -22, 14,
            -17, 12, -12, 14, -6, 12, -1, 9, 4, 9, 4, 6, 6, 2, 5, -4, 4, -8, 7, -12, 11, -16, 15, -17, 21, -17,
            26, -15, 29, -10, 33, -9}, // Africa
        {-11, 142, -17, 141, -13, 136, -12, 131, -15, 129, -14, 126, -20, 119, -22, 114, -26, 113, -32, 115,
            -35, 117, -34, 123, -32, 127, -32, 133, -35, 136, -35, 138, -38, 140, -39, 146, -37, 150, -33, 152,
            -28, 153, -24, 152, -19, 147, -15, 145}, // Australia
        {-72, -180, -70, -100, -63, -58, -70, -10, -68, 40, -66, 90, -66, 140, -70, 170, -72, 180, -90, 180,
            -90, -180}, // Antarctica
        {50, -5, 51, 1, 53, 0, 56, -2, 58, -3, 58, -6, 55, -5, 54, -3, 52, -4, 51, -5}, // Great Britain
        {52, -10, 54, -10, 55, -7, 54, -6, 52, -6},
        {31, 131, 34, 130, 35, 133, 37, 137, 41, 140, 43, 141, 45, 142, 43, 145, 41, 141, 38, 141, 35, 140,
            34, 137, 33, 135}, // Japan
        {7, 117, 1, 119, -4, 116, -3, 111, 1, 109, 4, 114}, // Borneo
        {5, 95, -6, 105, -4, 102, 2, 98},
        {-1, 131, -6, 141, -9, 147, -10, 150, -6, 147, -3, 141},
        {-35, 173, -41, 175, -46, 167, -41, 172},
        {-12, 49, -25, 47, -25, 44, -16, 44}, // Madagascar
    };

    private WorldPlot() {}

    static void render(Html html, String caption, List<Place> places) {
        html.open("svg", "class", "world", "role", "img", "viewBox", "-4 -4 " + (360 * SCALE + 8) + " "
                + (180 * SCALE + 8));
        html.element("title", caption);
        html.empty("rect", "class", "earth", "x", "0", "y", "0", "width", 360 * SCALE, "height", 180 * SCALE);
        for (double[] outline : LAND) {
            StringBuilder d = new StringBuilder();
            for (int i = 0; i + 1 < outline.length; i += 2) {
                d.append(i == 0 ? 'M' : 'L').append(Html.number(x(outline[i + 1]))).append(' ')
                        .append(Html.number(y(outline[i])));
            }
            html.empty("path", "class", "land", "d", d.append('Z'));
        }
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
                String label = p.label() + (isNew ? " (new)" : "");
                double cx = x(p.longitude());
                // to the right unless the label would run off the plot there; never above or below it
                boolean east = cx + r + 3 + LABEL_CHAR_WIDTH * label.length() <= 360 * SCALE;
                double labelY = Math.max(12, Math.min(180 * SCALE - 8, y(p.latitude()) + (isNew ? -4 : 12)));
                html.element("text", label, "class", "place-label", "x", Html.number(cx + (east ? r + 3 : -r - 3)),
                        "y", Html.number(labelY), "text-anchor", east ? "start" : "end");
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
