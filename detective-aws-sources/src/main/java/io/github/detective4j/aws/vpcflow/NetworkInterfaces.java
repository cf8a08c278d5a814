package io.github.detective4j.aws.vpcflow;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.detective4j.aws.ErrorHandler;
import io.github.detective4j.aws.ParseError;
import io.github.detective4j.model.EntityRef;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Which EC2 instance each network interface is attached to, read from the output of
 * {@code aws ec2 describe-network-interfaces} (its {@code NetworkInterfaces[]}, each with {@code NetworkInterfaceId}
 * and {@code Attachment.InstanceId}) or of {@code aws ec2 describe-instances} ({@code Reservations[].Instances[]},
 * each with {@code InstanceId} and {@code NetworkInterfaces[].NetworkInterfaceId}): the table that
 * {@code BehaviorGraph.Builder.networkInterfaces} takes, so that flow records in the default format, which name
 * only their interface, count for their instance.
 *
 * <pre>{@code
 * // aws ec2 describe-network-interfaces --output json > enis.json   (one file per region, or concatenated)
 * BehaviorGraph graph = BehaviorGraph.builder()
 *         .networkInterfaces(NetworkInterfaces.read(Path.of("enis.json")))
 *         .build();
 * }</pre>
 *
 * <p>A file may hold several such documents one after another (the outputs of several regions or accounts, say).
 * Interfaces attached to no instance (those of NAT gateways, load balancers, Lambda functions, or detached ones)
 * are left out; when two entries name one interface, the later wins. An entry that is not an object or has no
 * interface id goes to the {@link ErrorHandler} with the file's name and the entry's line, and its neighbours are
 * kept. Stateless and thread-safe.
 */
public final class NetworkInterfaces {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NetworkInterfaces() {}

    /**
     * Reads a file, logging each unreadable entry and going on ({@link ErrorHandler#logAndContinue()}).
     *
     * @param file {@code describe-network-interfaces} or {@code describe-instances} output, as JSON
     * @return instance ids by interface id, in the file's order; unmodifiable
     * @throws IOException if the file cannot be read, is not JSON, or holds neither kind of output
     */
    public static Map<String, String> read(Path file) throws IOException {
        return read(file, ErrorHandler.logAndContinue());
    }

    /**
     * Reads a file, giving each unreadable entry to a handler.
     *
     * @param file {@code describe-network-interfaces} or {@code describe-instances} output, as JSON
     * @param errors what to do with an entry that cannot be read
     * @return instance ids by interface id, in the file's order; unmodifiable
     * @throws IOException if the file cannot be read, is not JSON, or holds neither kind of output, or the handler
     *     stops the read
     */
    public static Map<String, String> read(Path file, ErrorHandler errors) throws IOException {
        Objects.requireNonNull(file, "file");
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), errors);
        }
    }

    /**
     * Reads a stream, giving each unreadable entry to a handler; the stream is not closed.
     *
     * @param in {@code describe-network-interfaces} or {@code describe-instances} output, as JSON
     * @param name the input's name for errors, such as a file path or an S3 URI
     * @param errors what to do with an entry that cannot be read
     * @return instance ids by interface id, in the input's order; unmodifiable
     * @throws IOException if the input cannot be read, is not JSON, or holds neither kind of output, or the handler
     *     stops the read
     */
    public static Map<String, String> read(InputStream in, String name, ErrorHandler errors) throws IOException {
        Objects.requireNonNull(in, "input");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(errors, "error handler");
        Map<String, String> found = new LinkedHashMap<>();
        try (JsonParser p = MAPPER.getFactory().createParser(in)) {
            p.disable(JsonParser.Feature.AUTO_CLOSE_SOURCE);
            int documents = 0;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t != JsonToken.START_OBJECT) {
                    throw new IOException(name + ":" + line(p.currentLocation())
                            + ": expected describe-network-interfaces or describe-instances output, an object");
                }
                documents++;
                document(p, name, errors, found);
            }
            if (documents == 0) {
                throw new IOException(name + ": empty, expected describe-network-interfaces or describe-instances"
                        + " output");
            }
        } catch (JsonProcessingException e) {
            throw new IOException(name + ":" + line(e.getLocation()) + ": not JSON: " + e.getOriginalMessage(), e);
        }
        return Collections.unmodifiableMap(found);
    }

    /** One top-level object: its {@code NetworkInterfaces} or {@code Reservations} array, entry by entry. */
    private static void document(JsonParser p, String name, ErrorHandler errors, Map<String, String> found)
            throws IOException {
        long start = line(p.currentLocation());
        boolean known = false;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String field = p.currentName();
            JsonToken value = p.nextToken();
            boolean interfaces = "NetworkInterfaces".equals(field);
            if ((interfaces || "Reservations".equals(field)) && value == JsonToken.START_ARRAY) {
                known = true;
                long record = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    record++;
                    long line = line(p.currentLocation());
                    JsonNode entry = MAPPER.readTree(p);
                    String problem = interfaces ? networkInterface(entry, found) : reservation(entry, found);
                    if (problem != null) {
                        errors.onError(new ParseError(name, line, record, problem));
                    }
                }
            } else {
                p.skipChildren();
            }
        }
        if (!known) {
            throw new IOException(name + ":" + start + ": neither describe-network-interfaces output (no"
                    + " NetworkInterfaces array) nor describe-instances output (no Reservations array)");
        }
    }

    /** A describe-network-interfaces entry; null when it was read, else what is wrong with it. */
    private static String networkInterface(JsonNode entry, Map<String, String> found) {
        if (!entry.isObject()) {
            return "a network interface must be an object";
        }
        String eni = text(entry, "NetworkInterfaceId");
        if (eni == null) {
            return "a network interface without a NetworkInterfaceId";
        }
        String instance = text(entry.path("Attachment"), "InstanceId");
        return instance == null ? null : attach(eni, instance, found);
    }

    /**
     * A describe-instances reservation, each instance's interfaces: null when all were read, else what is wrong with
     * the first that was not (the others are kept).
     */
    private static String reservation(JsonNode entry, Map<String, String> found) {
        if (!entry.isObject()) {
            return "a reservation must be an object";
        }
        String problem = null;
        for (JsonNode instance : entry.path("Instances")) {
            String id = text(instance, "InstanceId");
            String wrong = id == null ? "an instance without an InstanceId" : null;
            for (JsonNode eni : id == null ? MAPPER.createArrayNode() : instance.path("NetworkInterfaces")) {
                String eniId = text(eni, "NetworkInterfaceId");
                String bad = eniId == null ? "instance " + id + " has a network interface without a"
                        + " NetworkInterfaceId" : attach(eniId, id, found);
                wrong = wrong == null ? bad : wrong;
            }
            problem = problem == null ? wrong : problem;
        }
        return problem;
    }

    /** Records one attachment; null, or what is wrong with the instance id. */
    private static String attach(String eni, String instance, Map<String, String> found) {
        try {
            EntityRef.ec2Instance(instance);
        } catch (IllegalArgumentException e) {
            return "network interface " + eni + ": " + e.getMessage();
        }
        found.put(eni, instance);
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : null;
    }

    private static long line(JsonLocation location) {
        return location == null ? 0 : Math.max(0, location.getLineNr());
    }
}
