/**
 * Beaconing: how regular one (instance, remote IP) pair's traffic is, scored from its VPC flow records with the
 * method of RITA (Active Countermeasures' Real Intelligence Threat Analytics), so that "steady traffic to a mining
 * pool" is a number.
 *
 * <pre>{@code
 * BeaconScore s = BeaconScorer.create().score(starts, bytes, from, to);   // a miner's six windows an hour
 * s.beacon();   // true: score >= 0.5, RITA's threshold
 * s;            // BeaconScore[score=0.96, timestampScore=1.0, dataSizeScore=0.838, histogramScore=1.0, ...]
 * }</pre>
 *
 * <h2>RITA's method</h2>
 * This follows RITA v5 (the ClickHouse rewrite), {@code analysis/beacons.go} of
 * <a href="https://github.com/activecm/rita">github.com/activecm/rita</a> at commit {@code 0b6db7a}, its tests in
 * {@code analysis/beacons_test.go} ({@code 392fd16}) and its defaults in {@code default_config.hjson}; quartiles are
 * those of the Go library it uses, montanaflynn/stats {@code Quartile}. RITA reads, per pair, one timestamp (to the
 * second) and one byte count per connection over its last 24 hours, and computes:
 * <ul>
 *   <li><b>timestamp score</b>: over the sorted intervals between connections (zero intervals dropped), the mean of
 *       the skew score {@code 1 - |B|}, {@code B = (Q1 + Q3 - 2 Q2) / (Q3 - Q1)} Bowley's skewness, taken as 0 when
 *       {@code Q3 - Q1 < 10} or {@code Q2} equals {@code Q1} or {@code Q3}, and the dispersion score
 *       {@code (median - MAD) / median} (MAD the median absolute deviation about the median; 1 when the median is
 *       below 1; clamped to 0), rounded to three decimals. Q1 and Q3 are the medians of the lower and upper halves,
 *       the middle value in neither when the count is odd; commons-math3's {@code Percentile} estimates quartiles
 *       otherwise, so only its {@code Median} is used, on each half;
 *   <li><b>data-size score</b>: the same over the bytes per connection, the dispersion score 0 when the median is
 *       below 1;
 *   <li><b>histogram score</b>: connections per hour in 24 bins; the better of {@code 1 - CV} (population standard
 *       deviation over mean of the hourly counts; 0 when {@code CV > 1}) and, once 11 hours have connections, the
 *       bimodal fit: bar heights grouped in bins of {@code ceil(0.05 · tallest)}, the bars in the two fullest
 *       groups over the bars less one outlier;
 *   <li><b>duration score</b>: 0 unless 6 hours have connections; else the better of the coverage,
 *       {@code (last - first connection) / window}, and the consistency, the longest run of consecutive hours with
 *       connections (wrapping round the window) over 12; both rounded up to three decimals, at most 1;
 *   <li><b>score</b>: {@code 0.25 · timestamp + 0.25 · data size + 0.25 · duration + 0.25 · histogram}, rounded;
 *       a pair is reported from 0.5 (RITA's {@code score_thresholds.base}, 50), and RITA calls 0.5 to 0.69 low,
 *       0.7 to 0.89 medium, 0.9 and above high.
 * </ul>
 * RITA scores a pair only with at least 4 unique timestamps and fewer than 86,400 connections in its day (more is a
 * strobe, at least one a second). RITA v4 (activecm/rita-legacy, {@code pkg/beacon/analyzer.go}) also had a data
 * "smallness" term, {@code 1 - mode / 65535}, and before that a connection-count term; v5 dropped both and so does
 * this package: the smallness of a flow record, which sums a whole window's traffic, says little anyway.
 *
 * <h2>The adaptation to VPC Flow Logs</h2>
 * A flow record is not a connection: AWS aggregates a flow's packets over a capture window of at most the
 * <em>maximum aggregation interval</em>, 600 seconds by default or 60 if so configured (Nitro instances always 60 or
 * less), and writes one record per flow (a 5-tuple, so per direction) and window; its {@code start} is when the
 * flow's first packet in the window was received, which may be up to 60 seconds after the packet crossed the
 * interface. Each pair's records are turned into RITA's connections in two steps
 * ({@link io.github.detective4j.beacon.BeaconRule#aggregationInterval()} is the interval {@code I}):
 * <ol>
 *   <li><b>Capture windows.</b> Records starting less than {@code 0.9 I} after the first record of a group are one
 *       window: its two directions, its several flows. They become one observation at the group's first start, with
 *       their bytes summed. So pass the records of both directions, or of the outbound one alone (RITA counts the
 *       originator's bytes); either way a window counts once. Not all of {@code I}: a beacon whose period is the
 *       interval (ten minutes through the default windows) starts its records about {@code I} apart, and a second
 *       of jitter made every other one merge into the window before (a day of such a beacon scored 0.63; now at
 *       least 0.86 with up to 59 seconds of jitter).
 *   <li><b>Runs.</b> Windows back to back (the next starting less than {@code 2 I} later, so that no empty window
 *       fits between them) are a run of continuous traffic, in which the flow log cannot show when anything
 *       started. A run shorter than an hour (RITA's {@code long_connection_minimum_duration}) is one connection, at
 *       its start, with its bytes summed: a few minutes of browsing are a burst, not a beacon that fired every
 *       window, and would otherwise give intervals of exactly {@code I} and a perfect timestamp score. A run of an
 *       hour or more is steady traffic, and each of its windows is a connection: a beacon faster than the window, a
 *       miner's kept-alive connection, look like that and score as regular.
 * </ol>
 * An interval of one second skips the runs: that is RITA's own input (connection timestamps to the second), and the
 * scorer is then RITA itself, except that bytes of records in the same second are summed where RITA keeps each.
 *
 * <p>What the quantisation does: a connection's time is only known to within a window, so intervals carry up to
 * {@code ± I} of noise. RITA's dispersion score is relative ({@code MAD / median}), so the noise costs little when
 * the beacon's period is well above {@code I}: a day of a 10-minute beacon through 1-minute windows, every record
 * starting anywhere in its window, keeps a timestamp score of at least 0.82 and a score of at least 0.95 (over 300
 * random days); through 10-minute windows, at least 0.69 and 0.79. A beacon at or faster than {@code I} shows in
 * every window, with intervals of exactly {@code I}.
 *
 * <p>The gates, counted after the two steps: at least
 * {@link io.github.detective4j.beacon.BeaconRule#minConnections()} connections (4), and fewer records than the
 * window has seconds (RITA's strobe, scaled from its day). The window is the one asked for (a scope), or the whole
 * hours the records span. RITA's hour settings (6, 11, 12) are for 24 hourly bins; a window of {@code H} hours has
 * {@code H} hourly bins and each setting multiplied by {@code H / 24}, so that a week needs 42 hours with traffic
 * before its duration counts, as a day needs 6 (the bimodal fit still needs 6 bars in a short window: RITA will not
 * fit two modes to fewer).
 *
 * <h2>What it does not tell</h2>
 * Half of RITA's weight (histogram and duration) rewards traffic that is steady through the window, periodic or
 * not: a day of random (Poisson) connections, one every 10 to 60 minutes on average, scores 0.65 to 0.85 here and
 * 0.62 to 0.82 in RITA itself (5th to 95th percentiles), its timestamp score near 0.55. Read the timestamp score for
 * periodicity, or raise the threshold (RITA calls 0.7 medium, 0.9 high).
 * Traffic averaging more than a connection per capture window is continuous at the flow log's resolution and looks
 * steady whatever its timing.
 *
 * <p>References: RITA v5 {@code analysis/beacons.go}, {@code analysis/analysis.go} (the gates),
 * {@code analysis/uconns.sql}, {@code default_config.hjson}; montanaflynn/stats {@code quartile.go}; RITA v4
 * {@code pkg/beacon/analyzer.go}; AWS, "Flow log records" (aggregation interval, the {@code start} field), in the
 * Amazon VPC User Guide.
 */
package io.github.detective4j.beacon;
