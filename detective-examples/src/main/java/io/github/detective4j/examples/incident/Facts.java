package io.github.detective4j.examples.incident;

import io.github.detective4j.enrich.GeoTable;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a test or a demo needs to know about the incident a {@link ReferenceIncident} writes, without reading the
 * files: who, where, when, and the exact numbers to expect. Every value follows from the incident's configuration;
 * none depends on the seed, which only moves the background's details (times, counts, ids of events).
 *
 * <p>Hours are UTC and hour-aligned. The Bitcoin traffic of each instance is exact: in every hour from
 * {@link Traffic#firstHour()} to {@link Traffic#lastHour()}, both included, the instance receives exactly
 * {@link Traffic#bytesInPerHour()} bytes from {@link #bitcoinIp()} and sends it exactly
 * {@link Traffic#bytesOutPerHour()}, in flow records that lie wholly inside the hour.
 *
 * @param accountId the account everything happens in
 * @param region the incident's region, where the instances run and the findings are reported
 * @param otherRegion a second region with background API calls only
 * @param start the first hour of data
 * @param end the end of the data, exclusive: nothing is recorded at or after it
 * @param attackStart the attacker's first API call
 * @param adminUser the compromised IAM user, {@code DetectiveDemo-AdminUser}
 * @param adminIps the addresses the admin user normally calls from (Tokyo); see {@link #places()}
 * @param adminUserAgents the user agents the admin user normally calls with (AWS CLI v2, the console)
 * @param attackerIp the address the attacker calls from (Ashburn, US), never used before the attack
 * @param attackerUserAgent the attacker's user agent, never used before the attack
 * @param attackApiCalls the API methods of the attacker's first session, in order
 * @param newApiCalls the API methods the admin user calls in the attack and never before it
 * @param createdRoleName the role the attacker creates
 * @param createdUserName the IAM user the attacker creates
 * @param deletedAccessKey the access key the attacker deletes: another user's
 * @param stoppedTrailName the trail the attacker stops ({@code StopLogging}); the trail whose files are written
 *     here is another one, so logging goes on
 * @param minerInstance the instance the attacker launches, {@code i-08a8e40be65425909}
 * @param otherMinerInstance a background instance that also talks to the Bitcoin IP, in the last days
 * @param bitcoinIp the Bitcoin-related address both instances talk to, {@code 104.16.1.42}
 * @param bitcoinPort the remote TCP port of that traffic, 8333
 * @param minerTraffic the exact Bitcoin traffic of {@code minerInstance}
 * @param otherMinerTraffic the exact Bitcoin traffic of {@code otherMinerInstance}
 * @param bitcoinFinding the {@code CryptoCurrency:EC2/BitcoinTool.B} finding about {@code minerInstance}
 * @param loggingDisabledFinding the {@code Stealth:IAMUser/CloudTrailLoggingDisabled} finding about the admin user
 * @param backgroundUsers the other IAM users, in the order configured
 * @param roleNames the roles assumed in the background
 * @param backgroundInstances the instances running through the whole period, {@code otherMinerInstance} among them
 * @param places every fixed public address in the data with its (demo) location, for a GeoIP table
 */
public record Facts(
        String accountId,
        String region,
        String otherRegion,
        Instant start,
        Instant end,
        Instant attackStart,
        User adminUser,
        List<String> adminIps,
        List<String> adminUserAgents,
        String attackerIp,
        String attackerUserAgent,
        List<String> attackApiCalls,
        List<String> newApiCalls,
        String createdRoleName,
        String createdUserName,
        AccessKey deletedAccessKey,
        String stoppedTrailName,
        Instance minerInstance,
        Instance otherMinerInstance,
        String bitcoinIp,
        int bitcoinPort,
        Traffic minerTraffic,
        Traffic otherMinerTraffic,
        ReportedFinding bitcoinFinding,
        ReportedFinding loggingDisabledFinding,
        List<User> backgroundUsers,
        List<String> roleNames,
        List<Instance> backgroundInstances,
        List<Place> places) {

    /**
     * Creates the facts; lists are copied.
     *
     * @param accountId the account
     * @param region the incident's region
     * @param otherRegion the second region
     * @param start the first hour of data
     * @param end the end of the data, exclusive
     * @param attackStart the attacker's first call
     * @param adminUser the compromised user
     * @param adminIps the admin user's usual addresses
     * @param adminUserAgents the admin user's usual user agents
     * @param attackerIp the attacker's address
     * @param attackerUserAgent the attacker's user agent
     * @param attackApiCalls the attacker's first session's calls
     * @param newApiCalls the admin user's new calls
     * @param createdRoleName the role created
     * @param createdUserName the user created
     * @param deletedAccessKey the key deleted
     * @param stoppedTrailName the trail stopped
     * @param minerInstance the attacker's instance
     * @param otherMinerInstance the other instance
     * @param bitcoinIp the Bitcoin IP
     * @param bitcoinPort its port
     * @param minerTraffic the attacker's instance's traffic
     * @param otherMinerTraffic the other instance's traffic
     * @param bitcoinFinding the BitcoinTool finding
     * @param loggingDisabledFinding the CloudTrailLoggingDisabled finding
     * @param backgroundUsers the other users
     * @param roleNames the roles
     * @param backgroundInstances the background instances
     * @param places the fixed public addresses
     */
    public Facts {
        Objects.requireNonNull(accountId, "accountId");
        adminIps = List.copyOf(adminIps);
        adminUserAgents = List.copyOf(adminUserAgents);
        attackApiCalls = List.copyOf(attackApiCalls);
        newApiCalls = List.copyOf(newApiCalls);
        backgroundUsers = List.copyOf(backgroundUsers);
        roleNames = List.copyOf(roleNames);
        backgroundInstances = List.copyOf(backgroundInstances);
        places = List.copyOf(places);
    }

    /**
     * Returns the demo location of a public address of the data.
     *
     * @param ip an address as {@link #places()} spells it
     * @return its place, or empty for addresses without one (private ones, random scanners)
     */
    public Optional<Place> place(String ip) {
        return places.stream().filter(place -> place.ip().equals(ip)).findFirst();
    }

    /**
     * Returns the demo's GeoIP table: every place above, city and AS, as a {@link GeoTable} to give a behavior graph
     * as its geolocator and ASN resolver, so that the incident's addresses have the story's cities without a MaxMind
     * database.
     *
     * <pre>{@code
     * GeoTable geo = facts.geoTable();
     * BehaviorGraph graph = BehaviorGraph.builder().geoLocator(geo).asnResolver(geo).build();
     * }</pre>
     *
     * @return a table of one /32 network per place: {@link #geoTableCsv()} read by {@link GeoTable#parse}
     */
    public GeoTable geoTable() {
        try {
            return GeoTable.parse(new StringReader(geoTableCsv()), "the demo's geo table");
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringReader does not fail
        }
    }

    /**
     * Returns the demo's GeoIP table in {@link GeoTable}'s CSV form, for tools that take a file, such as the
     * command line's {@code --geoip}: a header line, then one {@code /32} network per place with its city,
     * country, coordinates and AS.
     *
     * @return the CSV text, lines ending with {@code \n}
     */
    public String geoTableCsv() {
        StringBuilder csv = new StringBuilder(
                "network,city,region,country_code,country_name,latitude,longitude,asn,as_organization\n");
        for (Place p : places) {
            csv.append(p.ip()).append("/32,").append(quoted(p.city())).append(",,").append(p.countryCode())
                    .append(",,").append(BigDecimal.valueOf(p.latitude()).toPlainString()).append(',')
                    .append(BigDecimal.valueOf(p.longitude()).toPlainString()).append(',').append(p.asn())
                    .append(',').append(quoted(p.asOrganization())).append('\n');
        }
        return csv.toString();
    }

    /** RFC 4180 quoting, which GeoTable reads: organizations have commas ("Amazon.com, Inc."). */
    private static String quoted(String field) {
        return '"' + field.replace("\"", "\"\"") + '"';
    }

    /**
     * An IAM user.
     *
     * @param name the user name
     * @param principalId the user's unique id, {@code AIDA...}
     * @param arn the user's ARN
     * @param accessKeyId the long-term access key the user's CLI calls are signed with, {@code AKIA...}
     */
    public record User(String name, String principalId, String arn, String accessKeyId) {}

    /**
     * An access key and the user it belongs to.
     *
     * @param accessKeyId the key, {@code AKIA...}
     * @param userName its user
     */
    public record AccessKey(String accessKeyId, String userName) {}

    /**
     * An EC2 instance and its one network interface.
     *
     * @param id the instance id, {@code i-} and 17 hex digits
     * @param name the instance's {@code Name} tag
     * @param type the instance type, such as {@code t2.micro}
     * @param privateIp the interface's primary private address
     * @param publicIp the public address its API calls come from (its own, or the NAT gateway's)
     * @param interfaceId the network interface, {@code eni-...}
     * @param subnetId the subnet
     * @param vpcId the VPC
     * @param launchedAt when the instance was launched; before {@link Facts#start()} for background instances
     * @param launchedBy the IAM user whose {@code RunInstances} launched it within the data, or null
     */
    public record Instance(String id, String name, String type, String privateIp, String publicIp, String interfaceId,
            String subnetId, String vpcId, Instant launchedAt, String launchedBy) {}

    /**
     * The exact traffic of one instance with one remote address and port, over one TCP connection.
     *
     * @param instanceId the instance
     * @param remoteIp the peer
     * @param remotePort the peer's port
     * @param localPort the instance's port
     * @param bytesInPerHour bytes into the instance in every hour of the traffic (ingress records)
     * @param bytesOutPerHour bytes out of the instance in every hour of the traffic (egress records)
     * @param firstHour the start of the first hour with traffic
     * @param lastHour the start of the last hour with traffic
     */
    public record Traffic(String instanceId, String remoteIp, int remotePort, int localPort, long bytesInPerHour,
            long bytesOutPerHour, Instant firstHour, Instant lastHour) {

        /**
         * Returns how many hours have traffic.
         *
         * @return the hours from {@code firstHour} to {@code lastHour}, both included
         */
        public long hours() {
            return Duration.between(firstHour, lastHour).toHours() + 1;
        }

        /**
         * Returns when the traffic was first seen: the start of its first flow record.
         *
         * @return {@code firstHour}
         */
        public Instant firstSeen() {
            return firstHour;
        }

        /**
         * Returns when the traffic was last seen: the end of its last flow record.
         *
         * @return the last second of {@code lastHour}
         */
        public Instant lastSeen() {
            return lastHour.plusSeconds(3599);
        }
    }

    /**
     * A GuardDuty finding as its last exported version states it.
     *
     * @param id the finding id
     * @param type the finding type
     * @param severity GuardDuty's severity score
     * @param firstObserved {@code service.eventFirstSeen}
     * @param lastObserved {@code service.eventLastSeen} of the last version
     * @param count {@code service.count} of the last version
     * @param versions how many versions of the finding the export files hold (GuardDuty exports a finding when it
     *     is created and again when it is updated)
     */
    public record ReportedFinding(String id, String type, double severity, Instant firstObserved,
            Instant lastObserved, long count, int versions) {}

    /**
     * A public address and where the demo places it. The locations are the demo's: a real GeoIP database may place
     * these addresses elsewhere.
     *
     * @param ip the address
     * @param label what it is in the story, such as "Tokyo office"
     * @param city the city
     * @param countryCode the ISO 3166-1 country code
     * @param latitude degrees north
     * @param longitude degrees east
     * @param asn the autonomous system number
     * @param asOrganization the autonomous system's organization
     */
    public record Place(String ip, String label, String city, String countryCode, double latitude, double longitude,
            long asn, String asOrganization) {}
}
