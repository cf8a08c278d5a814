package io.github.detective4j.graph;

import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.EntityType;
import io.github.detective4j.model.Finding;
import io.github.detective4j.model.FlowAction;
import io.github.detective4j.model.FlowDirection;
import io.github.detective4j.model.FlowLogStatus;
import io.github.detective4j.model.NetworkFlow;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import io.github.detective4j.model.SecurityEvent;
import io.github.detective4j.model.Severity;
import io.github.detective4j.model.SeverityLabel;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the model's events in the store's binary form ({@code FORMAT.md}, "Events"): every field, so that
 * an event read back equals the event written, with strings through a table local to one section, so a section reads
 * without any other. Not thread-safe: one writer or reader per section.
 */
final class EventCodec {
    static final int END = 0;
    static final int API_CALL = 1;
    static final int FLOW = 2;
    static final int FINDING = 3;

    private EventCodec() {}

    /** Encodes events into one section's payload. */
    static final class Writer {
        private final DataOutput out;
        private final Map<String, Integer> table = new HashMap<>();
        private final Map<Principal, Integer> principals = new HashMap<>();

        Writer(DataOutput out) {
            this.out = out;
        }

        void write(SecurityEvent event) throws IOException {
            if (event instanceof ApiCall call) {
                out.writeByte(API_CALL);
                writeCall(call);
            } else if (event instanceof NetworkFlow flow) {
                out.writeByte(FLOW);
                writeFlow(flow);
            } else if (event instanceof Finding finding) {
                out.writeByte(FINDING);
                writeFinding(finding);
            } else {
                throw new IllegalArgumentException("unknown event type " + event.getClass().getName());
            }
        }

        private void writeCall(ApiCall c) throws IOException {
            instant(c.eventTime());
            string(c.eventId());
            string(c.accountId());
            string(c.region());
            principal(c.principal());
            string(c.sourceIpAddress());
            string(c.sourceService());
            string(c.userAgent());
            string(c.eventSource());
            string(c.eventName());
            string(c.errorCode());
            string(c.errorMessage());
            string(c.eventType());
            bool(c.readOnly());
            resources(c.resources());
        }

        /**
         * 0 and the principal's fields when the section has not seen it, else its number plus 1: a busy principal's
         * ten fields cost a byte or two per call after the first.
         */
        private void principal(Principal p) throws IOException {
            Integer id = principals.get(p);
            if (id != null) {
                varLong(out, id + 1L);
                return;
            }
            principals.put(p, principals.size());
            out.writeByte(0);
            string(p.type().name());
            string(p.principalId());
            string(p.arn());
            string(p.accountId());
            string(p.userName());
            string(p.accessKeyId());
            Principal.SessionIssuer issuer = p.sessionIssuer();
            out.writeBoolean(issuer != null);
            if (issuer != null) {
                string(issuer.type());
                string(issuer.principalId());
                string(issuer.arn());
                string(issuer.accountId());
                string(issuer.userName());
            }
            string(p.identityProvider());
            string(p.invokedBy());
            bool(p.mfaAuthenticated());
        }

        private void writeFlow(NetworkFlow f) throws IOException {
            varLong(out, f.version());
            string(f.accountId());
            string(f.interfaceId());
            string(f.instanceId());
            string(f.vpcId());
            string(f.subnetId());
            string(f.region());
            string(f.localAddress());
            varLong(out, f.localPort());
            string(f.remoteAddress());
            varLong(out, f.remotePort());
            varLong(out, f.protocol());
            varLong(out, f.bytes());
            varLong(out, f.packets());
            instant(f.start());
            instant(f.end());
            string(f.action() == null ? null : f.action().name());
            string(f.logStatus().name());
            string(f.direction().name());
        }

        private void writeFinding(Finding f) throws IOException {
            string(f.id());
            string(f.arn());
            string(f.sourceProduct());
            string(f.type());
            string(f.title());
            string(f.description());
            out.writeDouble(f.severity().score());
            string(f.severity().label().name());
            instant(f.firstObserved());
            instant(f.lastObserved());
            nullableInstant(f.createdAt());
            nullableInstant(f.updatedAt());
            varLong(out, f.count());
            string(f.accountId());
            string(f.region());
            resources(f.resources());
            varLong(out, f.entities().size());
            for (EntityRef ref : f.entities()) {
                string(ref.type().name());
                string(ref.id());
            }
            out.writeBoolean(f.archived());
        }

        private void resources(List<AwsResource> resources) throws IOException {
            varLong(out, resources.size());
            for (AwsResource r : resources) {
                string(r.type());
                string(r.id());
                string(r.arn());
                string(r.action().name());
            }
        }

        private void instant(Instant t) throws IOException {
            out.writeLong(t.getEpochSecond());
            varLong(out, t.getNano());
        }

        private void nullableInstant(Instant t) throws IOException {
            out.writeBoolean(t != null);
            if (t != null) {
                instant(t);
            }
        }

        private void bool(Boolean b) throws IOException {
            out.writeByte(b == null ? 0 : b ? 2 : 1);
        }

        /** 0: null; 1: a new string follows and joins the table; n &gt; 1: the table's entry n - 2. */
        void string(String s) throws IOException {
            if (s == null) {
                out.writeByte(0);
                return;
            }
            Integer id = table.get(s);
            if (id != null) {
                varLong(out, id + 2L);
                return;
            }
            table.put(s, table.size());
            out.writeByte(1);
            if (hasSurrogate(s)) {
                // UTF-8 cannot carry an unpaired surrogate, which hostile JSON escapes can make: UTF-16 keeps it.
                varLong(out, ((long) s.length() << 1) | 1);
                out.writeChars(s);
            } else {
                byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
                varLong(out, (long) bytes.length << 1);
                out.write(bytes);
            }
        }

        private static boolean hasSurrogate(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (Character.isSurrogate(s.charAt(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** Decodes one section's events; model validation failures surface as {@link IllegalArgumentException}. */
    static final class Reader {
        private final DataInputStream in;
        private final List<String> table = new ArrayList<>();
        private final List<Principal> principals = new ArrayList<>();

        /**
         * @param in a section's payload, in memory: what it has left bounds every length and count read from it, so
         *     that a crafted length cannot make the reader allocate more than the section holds
         */
        Reader(DataInputStream in) {
            this.in = in;
        }

        /** The next event, or null at the section's end marker. */
        SecurityEvent read() throws IOException {
            int kind = in.readUnsignedByte();
            return switch (kind) {
                case END -> null;
                case API_CALL -> readCall();
                case FLOW -> readFlow();
                case FINDING -> readFinding();
                default -> throw new IllegalArgumentException("unknown event kind " + kind);
            };
        }

        private ApiCall readCall() throws IOException {
            Instant time = instant();
            String eventId = string();
            String accountId = string();
            String region = string();
            Principal principal = principal();
            return new ApiCall(time, eventId, accountId, region, principal, string(), string(), string(), string(),
                    string(), string(), string(), string(), bool(), resources());
        }

        private Principal principal() throws IOException {
            long ref = varLong(in);
            if (ref > 0) {
                if (ref - 1 >= principals.size()) {
                    throw new IllegalArgumentException("principal " + (ref - 1) + " not in the section's table");
                }
                return principals.get((int) (ref - 1));
            }
            PrincipalType type = constant(PrincipalType.class);
            String principalId = string();
            String arn = string();
            String accountId = string();
            String userName = string();
            String accessKey = string();
            Principal.SessionIssuer issuer = in.readBoolean()
                    ? new Principal.SessionIssuer(string(), string(), string(), string(), string()) : null;
            Principal principal = new Principal(type, principalId, arn, accountId, userName, accessKey, issuer,
                    string(), string(), bool());
            principals.add(principal);
            return principal;
        }

        private NetworkFlow readFlow() throws IOException {
            int version = varInt();
            String accountId = string();
            String eni = string();
            String instance = string();
            String vpc = string();
            String subnet = string();
            String region = string();
            String local = string();
            int localPort = varInt();
            String remote = string();
            int remotePort = varInt();
            int protocol = varInt();
            long bytes = varLong(in);
            long packets = varLong(in);
            Instant start = instant();
            Instant end = instant();
            String action = string();
            return new NetworkFlow(version, accountId, eni, instance, vpc, subnet, region, local, localPort, remote,
                    remotePort, protocol, bytes, packets, start, end, action == null ? null : FlowAction.valueOf(action),
                    constant(FlowLogStatus.class), constant(FlowDirection.class));
        }

        private Finding readFinding() throws IOException {
            String id = string();
            String arn = string();
            String product = string();
            String type = string();
            String title = string();
            String description = string();
            Severity severity = new Severity(in.readDouble(), constant(SeverityLabel.class));
            Instant first = instant();
            Instant last = instant();
            Instant created = nullableInstant();
            Instant updated = nullableInstant();
            long count = varLong(in);
            String accountId = string();
            String region = string();
            List<AwsResource> resources = resources();
            int n = count(varInt(), 1);
            List<EntityRef> entities = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                entities.add(EntityRef.of(constant(EntityType.class), string()));
            }
            return new Finding(id, arn, product, type, title, description, severity, first, last, created, updated,
                    count, accountId, region, resources, entities, in.readBoolean());
        }

        private List<AwsResource> resources() throws IOException {
            int n = count(varInt(), 1);
            if (n == 0) {
                return List.of();
            }
            List<AwsResource> resources = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                resources.add(new AwsResource(string(), string(), string(), constant(AwsResource.Action.class)));
            }
            return resources;
        }

        private Instant instant() throws IOException {
            long seconds = in.readLong();
            return Instant.ofEpochSecond(seconds, varInt());
        }

        private Instant nullableInstant() throws IOException {
            return in.readBoolean() ? instant() : null;
        }

        private Boolean bool() throws IOException {
            int b = in.readUnsignedByte();
            return switch (b) {
                case 0 -> null;
                case 1 -> Boolean.FALSE;
                case 2 -> Boolean.TRUE;
                default -> throw new IllegalArgumentException("bad boolean " + b);
            };
        }

        String string() throws IOException {
            long ref = varLong(in);
            if (ref == 0) {
                return null;
            }
            if (ref > 1) {
                if (ref - 2 >= table.size()) {
                    throw new IllegalArgumentException("string " + (ref - 2) + " not in the section's table");
                }
                return table.get((int) (ref - 2));
            }
            long header = varLong(in);
            boolean utf16 = (header & 1) != 0;
            int length = count(header >>> 1, utf16 ? 2 : 1);
            String s;
            if (utf16) {
                char[] chars = new char[length];
                for (int i = 0; i < length; i++) {
                    chars[i] = in.readChar();
                }
                s = new String(chars);
            } else {
                byte[] bytes = new byte[length];
                in.readFully(bytes);
                s = new String(bytes, StandardCharsets.UTF_8);
            }
            table.add(s);
            return s;
        }

        private int varInt() throws IOException {
            long v = varLong(in);
            if (v > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("value " + v + " does not fit an int");
            }
            return (int) v;
        }

        /**
         * A length or count of things of at least {@code bytesEach} bytes each: refused when the section has not
         * that many bytes left, before anything is allocated for it.
         */
        private int count(long n, int bytesEach) throws IOException {
            int left = in.available(); // exact: the payload is in memory
            if (n > left / bytesEach) {
                throw new IllegalArgumentException("length " + n + " is larger than the " + left
                        + " bytes left in the section");
            }
            return (int) n;
        }

        /** An enum's name, which must be there. */
        private <E extends Enum<E>> E constant(Class<E> type) throws IOException {
            String name = string();
            if (name == null) {
                throw new IllegalArgumentException("no " + type.getSimpleName() + " where one belongs");
            }
            return Enum.valueOf(type, name);
        }
    }

    /** Writes a non-negative value in 7-bit groups, low first (LEB128): most counts and ports take 1 to 3 bytes. */
    static void varLong(DataOutput out, long value) throws IOException {
        if (value < 0) {
            throw new IllegalArgumentException("negative value " + value);
        }
        long v = value;
        while ((v & ~0x7FL) != 0) {
            out.writeByte((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.writeByte((int) v);
    }

    static long varLong(DataInput in) throws IOException {
        long value = 0;
        for (int shift = 0; shift < 63; shift += 7) {
            int b = in.readUnsignedByte();
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("variable-length number longer than 9 bytes");
    }
}
