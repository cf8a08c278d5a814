/**
 * Pictures of answers: {@link io.github.detective4j.report.Report} renders profiles, new behavior, investigations
 * and finding groups as one self-contained HTML page, with SVG timelines and a world plot of geolocations, safe to
 * open whatever the logs held.
 */
package io.github.detective4j.report;
