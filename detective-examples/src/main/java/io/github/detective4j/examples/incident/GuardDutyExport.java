package io.github.detective4j.examples.incident;

import static io.github.detective4j.examples.incident.Json.array;
import static io.github.detective4j.examples.incident.Json.object;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.detective4j.examples.incident.Cast.Host;
import io.github.detective4j.examples.incident.Facts.Instance;
import io.github.detective4j.examples.incident.Facts.Place;
import io.github.detective4j.examples.incident.Facts.Traffic;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * GuardDuty's findings as its export to S3 writes them: JSON Lines, one finding a line, a file per export. A
 * finding is exported when it is created and again, as a whole, when it is updated: every six hours while the
 * activity goes on (GuardDuty's default export frequency), and once more at the end of the data.
 */
final class GuardDutyExport {
    static final String BITCOIN_ID = "c2b98b95c5440025c05b405065ed3bb9";
    static final String BITCOIN_TYPE = "CryptoCurrency:EC2/BitcoinTool.B";
    static final String STEALTH_TYPE = "Stealth:IAMUser/CloudTrailLoggingDisabled";
    static final double BITCOIN_SEVERITY = 8;
    static final double STEALTH_SEVERITY = 2;
    private static final Duration DETECTION_DELAY = Duration.ofMinutes(77);
    private static final Duration UPDATE_EVERY = Duration.ofHours(6);
    private static final DateTimeFormatter MILLIS =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * One exported version of a finding.
     *
     * @param updatedAt {@code updatedAt}
     * @param count {@code service.count}
     * @param lastSeen {@code service.eventLastSeen}
     */
    record Version(Instant updatedAt, long count, Instant lastSeen) {}

    private GuardDutyExport() {}

    /** The versions of the Bitcoin finding: its count is the hours of traffic seen by each export. */
    static List<Version> bitcoinVersions(Traffic traffic, Instant end) {
        Instant first = traffic.firstHour();
        long hours = traffic.hours();
        List<Version> out = new ArrayList<>();
        Instant last = end.minusSeconds(1);
        for (Instant t = first.plus(DETECTION_DELAY); t.isBefore(last); t = t.plus(UPDATE_EVERY)) {
            long seen = Math.min(hours, Duration.between(first, t).toHours());
            out.add(new Version(t, seen, first.plusSeconds(seen * 3600 - 1)));
        }
        out.add(new Version(last, hours, traffic.lastSeen()));
        return out;
    }

    static String stealthId() {
        return Dice.forName("finding/" + STEALTH_TYPE).hex(32);
    }

    static Instant stealthCreatedAt(Instant stopLogging) {
        return stopLogging.plusSeconds(4 * 60 + 37);
    }

    static String arn(String detectorId, String id) {
        return "arn:aws:guardduty:" + Cast.REGION + ":" + Cast.ACCOUNT + ":detector/" + detectorId + "/finding/" + id;
    }

    /** Writes every version of both findings, each in the export file of its time. */
    static void write(Path root, Cast cast, Traffic traffic, Instant end, Instant stopLogging, Dice dice, Tally tally,
            ObjectMapper mapper) throws IOException {
        Instant stealthAt = stealthCreatedAt(stopLogging).plusMillis(dice.between(0, 999));
        export(root, stealthAt, stealth(cast, stopLogging, stealthAt), dice, tally, mapper);
        List<Version> versions = bitcoinVersions(traffic, end);
        Instant created = versions.get(0).updatedAt().plusMillis(dice.between(0, 999));
        for (Version version : versions) {
            Instant updated = version == versions.get(0) ? created
                    : version.updatedAt().plusMillis(dice.between(0, 998));
            export(root, updated, bitcoin(cast, traffic, created, updated, version), dice, tally, mapper);
        }
    }

    private static void export(Path root, Instant at, Map<String, Object> finding, Dice dice, Tally tally,
            ObjectMapper mapper) throws IOException {
        Path file = LogKeys.guardDuty(root, Cast.REGION, at, dice.uuid());
        tally.bytes += CompressedFile.write(file, out -> {
            try (JsonGenerator g = mapper.getFactory().createGenerator(out, JsonEncoding.UTF8)) {
                g.writeObject(finding);
                g.writeRaw('\n');
            }
        });
        tally.findingFiles++;
        tally.findings++;
    }

    private static Map<String, Object> bitcoin(Cast cast, Traffic traffic, Instant created, Instant updated,
            Version version) {
        Host host = cast.miner;
        Instance instance = host.instance();
        String dns = "ip-" + instance.privateIp().replace('.', '-') + ".ec2.internal";
        String publicDns = "ec2-" + instance.publicIp().replace('.', '-') + ".compute-1.amazonaws.com";
        Map<String, Object> nic = object("ipv6Addresses", array(), "networkInterfaceId", instance.interfaceId(),
                "privateDnsName", dns, "privateIpAddress", instance.privateIp(),
                "privateIpAddresses", array(object("privateDnsName", dns, "privateIpAddress", instance.privateIp())),
                "publicDnsName", publicDns, "publicIp", instance.publicIp(),
                "securityGroups", array(object("groupId", cast.securityGroup,
                        "groupName", "default")),
                "subnetId", instance.subnetId(), "vpcId", instance.vpcId());
        Map<String, Object> resource = object("resourceType", "Instance", "instanceDetails", object(
                "instanceId", instance.id(), "instanceType", instance.type(),
                "launchTime", MILLIS.format(instance.launchedAt()), "platform", null, "productCodes", array(),
                "networkInterfaces", array(nic),
                "tags", array(object("key", "Name", "value", instance.name())), "instanceState", "running",
                "availabilityZone", host.availabilityZone(), "imageId", ApiCalls.IMAGE_ID,
                "imageDescription", "Amazon Linux 2023 AMI 2023.6.20241111.0 x86_64 HVM kernel-6.1"));
        Map<String, Object> action = object("actionType", "NETWORK_CONNECTION", "networkConnectionAction", object(
                "connectionDirection", "OUTBOUND", "remoteIpDetails", remote(Cast.BITCOIN, "Cloudflare"),
                "remotePortDetails", object("port", traffic.remotePort(), "portName", "Unknown"),
                "localPortDetails", object("port", traffic.localPort(), "portName", "Unknown"),
                "protocol", "TCP", "blocked", false,
                "localIpDetails", object("ipAddressV4", instance.privateIp())));
        Map<String, Object> service = object("serviceName", "guardduty", "detectorId", cast.detectorId,
                "action", action, "resourceRole", "ACTOR",
                "additionalInfo", object("threatListName", "ProofPoint", "type", "default"),
                "evidence", object("threatIntelligenceDetails", array(object("threatListName", "ProofPoint",
                        "threatNames", array()))),
                "eventFirstSeen", traffic.firstSeen().toString(), "eventLastSeen", version.lastSeen().toString(),
                "archived", false, "count", version.count());
        String text = "EC2 instance " + instance.id() + " is communicating outbound with a known Bitcoin-related IP"
                + " address " + Cast.BITCOIN_IP + " on port " + traffic.remotePort() + ".";
        return finding(BITCOIN_ID, cast.detectorId, BITCOIN_TYPE, resource, service, BITCOIN_SEVERITY,
                created, updated, text, text + " This instance may be compromised and used for"
                        + " cryptocurrency mining.");
    }

    private static Map<String, Object> stealth(Cast cast, Instant stopLogging, Instant created) {
        Facts.User admin = cast.admin.user();
        Map<String, Object> resource = object("resourceType", "AccessKey", "accessKeyDetails", object(
                "accessKeyId", admin.accessKeyId(), "principalId", admin.principalId(), "userName", admin.name(),
                "userType", "IAMUser"));
        String trailArn = ApiCalls.trailArn(Cast.REGION, Cast.STOPPED_TRAIL);
        Map<String, Object> action = object("actionType", "AWS_API_CALL", "awsApiCallAction", object(
                "api", "StopLogging", "serviceName", "cloudtrail.amazonaws.com", "callerType", "Remote IP",
                "remoteIpDetails", remote(Cast.ATTACKER, "Amazon.com"),
                "affectedResources", object("AWS::CloudTrail::Trail", trailArn),
                "userAgent", Cast.ATTACKER_AGENT));
        Map<String, Object> service = object("serviceName", "guardduty", "detectorId", cast.detectorId,
                "action", action, "resourceRole", "TARGET", "additionalInfo", object(),
                "eventFirstSeen", stopLogging.toString(), "eventLastSeen", stopLogging.toString(),
                "archived", false, "count", 1);
        return finding(stealthId(), cast.detectorId, STEALTH_TYPE, resource, service, STEALTH_SEVERITY, created,
                created, "AWS CloudTrail trail " + Cast.STOPPED_TRAIL + " was disabled.",
                "AWS CloudTrail trail " + Cast.STOPPED_TRAIL + " was disabled by " + admin.name() + " calling"
                        + " StopLogging under unusual circumstances. This can be attackers' attempt to cover their"
                        + " tracks by eliminating any trace of activity performed while they accessed your account.");
    }

    private static Map<String, Object> remote(Place place, String isp) {
        return object("ipAddressV4", place.ip(),
                "organization", object("asn", String.valueOf(place.asn()), "asnOrg", place.asOrganization(),
                        "isp", isp, "org", isp),
                "country", object("countryName", place.countryCode().equals("US") ? "United States" : "Japan"),
                "city", object("cityName", place.city()),
                "geoLocation", object("lat", place.latitude(), "lon", place.longitude()));
    }

    private static Map<String, Object> finding(String id, String detectorId, String type, Map<String, Object> resource,
            Map<String, Object> service, double severity, Instant created, Instant updated, String title,
            String description) {
        return object("schemaVersion", "2.0", "accountId", Cast.ACCOUNT, "region", Cast.REGION, "partition", "aws",
                "id", id, "arn", arn(detectorId, id), "type", type, "resource", resource, "service", service,
                "severity", severity, "createdAt", MILLIS.format(created), "updatedAt", MILLIS.format(updated),
                "title", title, "description", description);
    }
}
