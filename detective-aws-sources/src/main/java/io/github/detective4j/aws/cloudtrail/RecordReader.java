package io.github.detective4j.aws.cloudtrail;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.JsonEOFException;
import io.github.detective4j.aws.AwsTimestamps;
import io.github.detective4j.aws.ParseContext;
import io.github.detective4j.aws.cloudtrail.ValuePaths.Values;
import io.github.detective4j.model.ApiCall;
import io.github.detective4j.model.AwsResource;
import io.github.detective4j.model.IpAddresses;
import io.github.detective4j.model.Principal;
import io.github.detective4j.model.PrincipalType;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads one input for {@link CloudTrailFormat}: per-input state, used by one thread, then dropped.
 *
 * <p>One pass with a {@link JsonCursor}, no tree: each record's fields are collected into an {@link EventFields}
 * as they come (JSON does not promise an order), the subtrees nobody needs are passed over without being parsed,
 * and the record is judged and built at its closing brace. See {@link CloudTrailFormat} for the shapes read and
 * the decisions taken.
 */
final class RecordReader {
    private static final String CONSOLE_LOGIN = "ConsoleLogin";
    private static final String AWS_INTERNAL = "AWS Internal";
    private static final String SIGN_IN = "signin.amazonaws.com";
    /**
     * The console sign-in events that say their result in {@code responseElements.<eventName>} ("Success" or
     * "Failure"), as CloudTrail's documentation of them shows, with no error fields on a failure.
     */
    private static final Map<String, ValuePaths> SIGN_IN_RESULTS = Map.of(CONSOLE_LOGIN, ValuePaths.of(CONSOLE_LOGIN),
            "SwitchRole", ValuePaths.of("SwitchRole"), "ExitRole", ValuePaths.of("ExitRole"),
            "RenewRole", ValuePaths.of("RenewRole"), "CheckMfa", ValuePaths.of("CheckMfa"));
    private static final ValuePaths MFA_USED = ValuePaths.of("MFAUsed");
    private static final Principal NOBODY = Principal.builder(PrincipalType.UNKNOWN).build();
    private static final int HEAD_BYTES = 64 * 1024;
    /**
     * The parser of the head that {@link #chooseMode} looks at. It reads at most {@link #HEAD_BYTES}, so the input's
     * limits need not bound it; and under them a value past a limit on the first line (a number of 101 digits in
     * {@code requestParameters}) made an NDJSON input read as one document, where one broken line ends the input.
     */
    private static final JsonFactory HEAD_FACTORY = JsonFactory.builder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNumberLength(HEAD_BYTES)
                    .maxNameLength(HEAD_BYTES).maxStringLength(HEAD_BYTES).maxNestingDepth(HEAD_BYTES).build())
            .build();

    private enum Mode { EMPTY, LINES, STREAM }

    private final ParseContext context;
    private final StreamReadConstraints limits;
    private final Scratch scratch;
    private final AddressCache addresses;
    private final RecentIdentities identities = new RecentIdentities();
    private final RecordEndings endings = new RecordEndings();
    // the last value of each field whose values repeat, in front of the shared StringPool: see JsonCursor.Memo
    private final JsonCursor.Memo[] eventMemos = TextFields.EVENT.newMemos();
    private final JsonCursor.Memo[] identityMemos = TextFields.IDENTITY.newMemos();
    private final JsonCursor.Memo[] issuerMemos = TextFields.ISSUER.newMemos();

    /** A reader of one input: it borrows its {@link Scratch} here and gives it back when {@link #read} returns. */
    RecordReader(ParseContext context) {
        this.context = context;
        this.scratch = Scratch.borrow();
        this.addresses = scratch.addresses;
        this.limits = context.jsonFactory().streamReadConstraints();
    }

    /**
     * Reads the input to its end, reporting every record to the context. Called once.
     *
     * @param in the decompressed input
     * @throws IOException when the stream fails (JSON that breaks where records cannot be told apart is reported to
     *     the context as an error of the input, and ends it)
     */
    void read(InputStream in) throws IOException {
        JsonCursor cursor = new JsonCursor(in, limits, scratch.buffer(), scratch.names);
        try {
            cursor.skipByteOrderMark();
            int headLength = cursor.fillAhead(HEAD_BYTES);
            switch (chooseMode(cursor.buffer(), cursor.position(), headLength)) {
                case EMPTY:
                    cursor.peek(); // to the end: a failure the look-ahead deferred (a gzip stream cut) is thrown here
                    return;
                case LINES:
                    readLines(cursor);
                    return;
                default:
                    readStream(cursor);
            }
        } finally {
            scratch.giveBack(); // this reader is done: nothing reads the scratch through it again
        }
    }

    /**
     * Decides between one record per line (NDJSON: a broken line costs only itself) and one pass over the whole
     * input (pretty-printed JSON, or a record too big for the head): one record per line exactly when the first
     * value is an object that opens and closes on its line and is not a {@code Records}-style container.
     */
    private Mode chooseMode(byte[] head, int from, int length) throws IOException {
        int i = from;
        int end = from + length;
        while (i < end && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n')) {
            i++;
        }
        if (i == end) {
            return length < HEAD_BYTES ? Mode.EMPTY : Mode.STREAM;
        }
        if (head[i] != '{') {
            return Mode.STREAM; // an array, or not JSON at all: the stream reader says what is wrong
        }
        int startLine = 1;
        boolean firstOnItsLine = false;
        // Jackson guesses UTF-16 or UTF-32 from NUL bytes near the start of bytes and can then fail outside its
        // JsonProcessingException; the input is UTF-8, so it is given characters (invalid bytes become U+FFFD),
        // decoded as it reads: mostly a Records file's first name decides, and the rest of the head is not decoded.
        try (JsonParser parser = HEAD_FACTORY.createParser(
                new InputStreamReader(new ByteArrayInputStream(head, from, length), StandardCharsets.UTF_8))) {
            parser.nextToken();
            startLine = parser.currentTokenLocation().getLineNr();
            String name;
            while ((name = parser.nextFieldName()) != null) {
                if (name.equals("Records") || name.equals("Events") || name.equals("logEvents")
                        || name.equals("events")) {
                    return Mode.STREAM;
                }
                parser.nextToken();
                parser.skipChildren();
            }
            int endLine = parser.currentTokenLocation().getLineNr();
            if (endLine != startLine) {
                return Mode.STREAM;
            }
            firstOnItsLine = true;
            JsonToken next = parser.nextToken();
            return next == null || parser.currentTokenLocation().getLineNr() > endLine ? Mode.LINES : Mode.STREAM;
        } catch (JsonEOFException cutOrTruncated) {
            // a whole first line, then a line cut by the head's end or broken: still one record per line
            return firstOnItsLine ? Mode.LINES : Mode.STREAM;
        } catch (JsonProcessingException broken) {
            JsonLocation where = broken.getLocation();
            return firstOnItsLine || where != null && where.getLineNr() == startLine ? Mode.LINES : Mode.STREAM;
        }
    }

    private void readLines(JsonCursor cursor) throws IOException {
        cursor.lineMode();
        while (true) {
            int c = cursor.peek();
            if (c == JsonCursor.EOF) {
                return;
            }
            if (c == JsonCursor.END_OF_LINE) {
                cursor.nextLine();
                continue;
            }
            long line = cursor.line();
            try {
                readValue(cursor, true, 0);
            } catch (MalformedJsonException malformed) {
                // One line, one record: the damage ends at the newline, so the next line is read as usual.
                long record = context.recordRead();
                context.error(line, record, "line is not valid JSON: " + malformed.problem() + " at column "
                        + malformed.column());
                cursor.skipLine();
            }
        }
    }

    private void readStream(JsonCursor cursor) throws IOException {
        try {
            while (cursor.peek() != JsonCursor.EOF) {
                readValue(cursor, true, 0);
            }
        } catch (MalformedJsonException malformed) {
            // One document (a Records file, a pretty-printed array): past a break nothing tells where the next
            // record starts, so the input ends there, and the records before it are what it gives. Line 0: an
            // error of the input, like a truncated gzip stream, not of one record.
            long read = context.recordsRead();
            boolean cut = malformed.problem().startsWith("input ends")
                    || malformed.problem().endsWith("the end of the input");
            context.error(0, read + 1, (cut ? "the input ends inside record " + (read + 1) + ", cut short after "
                    : "the JSON breaks inside record " + (read + 1) + ", and records cannot be told apart past it,"
                    + " after ") + read + (read == 1 ? " record: " : " records: ") + malformed.getMessage());
        }
    }

    /**
     * Reads one value where a record may stand: an object is a record (or a container), a top array holds them.
     *
     * @param depth the nesting depth of the value's container, 0 at the top
     */
    private void readValue(JsonCursor cursor, boolean topLevel, int depth) throws IOException {
        int c = cursor.peek();
        long line = cursor.line();
        if (c == '{') {
            // a value passed over before this record (a broken line's, a container's, a non-object element's) is
            // none of this record's business
            cursor.takeTooDeep();
            cursor.takePastLimit();
            EventFields fields = new EventFields();
            readFields(cursor, fields, true, depth + 1);
            if (cursor.takeTooDeep()) {
                fields.problem("a value nests deeper than " + cursor.maxDepth() + " levels");
            }
            String pastLimit = cursor.takePastLimit();
            if (pastLimit != null) {
                fields.problem("record holds " + pastLimit);
            }
            if (!fields.container) {
                finish(fields, line);
            }
        } else if (c == '[' && topLevel) {
            cursor.enterArray();
            for (boolean more = cursor.firstElement(); more; more = cursor.nextElement()) {
                readValue(cursor, false, depth + 1);
            }
        } else {
            String what = cursor.describeAndSkip(depth);
            context.error(line, context.recordRead(), "a CloudTrail record must be a JSON object, not " + what);
        }
    }

    /**
     * Collects the fields of the object at the cursor, up to its closing brace.
     *
     * @param recordLevel true for an object where a record stands: only there may it be a container or a wrapper
     * @param depth the object's nesting depth
     */
    private void readFields(JsonCursor cursor, EventFields f, boolean recordLevel, int depth) throws IOException {
        if (depth > cursor.maxDepth()) {
            throw cursor.malformed("nesting deeper than " + cursor.maxDepth() + " levels");
        }
        cursor.enterObject();
        endings.abandon();
        for (int id = cursor.firstField(); id != FieldNames.END; id = cursor.nextField()) {
            int slot = TextFields.EVENT.slot(id);
            if (slot != TextFields.NONE) {
                String value = text(cursor, f, TextFields.EVENT, slot, depth, eventMemos[slot]);
                f.text(slot, value);
                if (slot != TextFields.EVENT_ID) {
                    endings.noteField(slot, value);
                } else if (endings.pass(cursor, f, depth, isClean(cursor, f))) {
                    break; // the rest of the record, its closing brace included, was one met before
                }
                continue;
            }
            switch (id) {
                case FieldNames.READ_ONLY:
                    f.readOnly = cursor.readBoolean(depth);
                    endings.noteField(RecordEndings.READ_ONLY, f.readOnly);
                    continue;
                case FieldNames.MANAGEMENT_EVENT:
                    f.managementEvent = cursor.readBoolean(depth);
                    endings.noteField(RecordEndings.MANAGEMENT_EVENT, f.managementEvent);
                    continue;
                case FieldNames.USER_IDENTITY:
                    identity(cursor, f, depth);
                    break;
                case FieldNames.REQUEST_PARAMETERS:
                    readRequest(cursor, f, depth);
                    break;
                case FieldNames.RESPONSE_ELEMENTS:
                    readResponse(cursor, f, depth);
                    break;
                case FieldNames.ADDITIONAL_EVENT_DATA:
                    readAdditional(cursor, f, depth);
                    break;
                case FieldNames.RESOURCES:
                    readResources(cursor, f, depth);
                    break;
                case FieldNames.INSIGHT_DETAILS:
                    f.insight = true;
                    cursor.skipValue(depth);
                    break;
                case FieldNames.DIGEST_KEY:
                    f.digest = true;
                    cursor.skipValue(depth);
                    break;
                case FieldNames.DETAIL:
                    if (recordLevel && cursor.peek() == '{') {
                        f.detail = new EventFields();
                        readFields(cursor, f.detail, false, depth + 1);
                    } else {
                        cursor.skipValue(depth);
                    }
                    break;
                case FieldNames.MESSAGE:
                    readEmbedded(cursor, f, "message", recordLevel, depth);
                    break;
                case FieldNames.CLOUD_TRAIL_EVENT:
                    readEmbedded(cursor, f, "CloudTrailEvent", recordLevel, depth);
                    break;
                case FieldNames.CONTAINER:
                    if (recordLevel && cursor.peek() == '[') {
                        f.container = true;
                        cursor.enterArray();
                        for (boolean more = cursor.firstElement(); more; more = cursor.nextElement()) {
                            readValue(cursor, false, depth + 1);
                        }
                    } else {
                        cursor.skipValue(depth);
                    }
                    break;
                default:
                    cursor.skipValue(depth);
                    continue;
            }
            endings.spoil(); // a value that is neither a string, a boolean nor passed over
        }
        endings.end(cursor, depth, isClean(cursor, f));
    }

    /**
     * Whether a record has no problem so far, nothing passed over nested too deep and nothing read went past a
     * limit: what it read may be kept.
     */
    private static boolean isClean(JsonCursor cursor, EventFields f) {
        return f.problem == null && !cursor.passedTooDeep() && !cursor.readPastLimit();
    }

    /** Takes the {@code userIdentity} at the cursor from {@link #identities} when it was met before, else reads it. */
    private void identity(JsonCursor cursor, EventFields f, int depth) throws IOException {
        int slot = cursor.peek() == '{' ? identities.slot(cursor) : RecentIdentities.NONE;
        if (slot == RecentIdentities.NONE) {
            readIdentity(cursor, f, depth);
            return;
        }
        if (identities.pass(cursor, slot, depth, f)) {
            return;
        }
        long start = cursor.offset();
        long line = cursor.line();
        boolean clean = isClean(cursor, f);
        readIdentity(cursor, f, depth);
        if (clean && isClean(cursor, f)) {
            identities.remember(slot, cursor, start, depth, (int) (cursor.line() - line), f.identity);
        }
    }

    private void readIdentity(JsonCursor cursor, EventFields f, int depth) throws IOException {
        if (!enterObject(cursor, f, "userIdentity", depth)) {
            return;
        }
        EventFields.Identity id = new EventFields.Identity();
        f.identity = id;
        int inner = depth + 1;
        for (int field = cursor.firstField(); field != FieldNames.END; field = cursor.nextField()) {
            int slot = TextFields.IDENTITY.slot(field);
            if (slot != TextFields.NONE) {
                id.text(slot, text(cursor, f, TextFields.IDENTITY, slot, inner, identityMemos[slot]));
                continue;
            }
            switch (field) {
                case FieldNames.SESSION_CONTEXT:
                    readSessionContext(cursor, f, id, inner);
                    break;
                case FieldNames.ON_BEHALF_OF:
                    if (enterObject(cursor, f, "userIdentity.onBehalfOf", inner)) {
                        for (int k = cursor.firstField(); k != FieldNames.END; k = cursor.nextField()) {
                            if (TextFields.ON_BEHALF_OF.slot(k) == 0) {
                                id.onBehalfOfUserId = text(cursor, f, TextFields.ON_BEHALF_OF, 0, inner + 1, null);
                            } else {
                                cursor.skipValue(inner + 1);
                            }
                        }
                    }
                    break;
                default:
                    cursor.skipValue(inner);
            }
        }
    }

    private void readSessionContext(JsonCursor cursor, EventFields f, EventFields.Identity id, int depth)
            throws IOException {
        if (!enterObject(cursor, f, "userIdentity.sessionContext", depth)) {
            return;
        }
        int inner = depth + 1;
        for (int field = cursor.firstField(); field != FieldNames.END; field = cursor.nextField()) {
            if (field == FieldNames.ATTRIBUTES) {
                if (enterObject(cursor, f, "userIdentity.sessionContext.attributes", inner)) {
                    for (int k = cursor.firstField(); k != FieldNames.END; k = cursor.nextField()) {
                        if (k == FieldNames.MFA_AUTHENTICATED) {
                            id.mfaAuthenticated = cursor.readBoolean(inner + 1);
                        } else {
                            cursor.skipValue(inner + 1);
                        }
                    }
                }
            } else if (field == FieldNames.SESSION_ISSUER) {
                if (enterObject(cursor, f, "userIdentity.sessionContext.sessionIssuer", inner)) {
                    int level = inner + 1;
                    for (int k = cursor.firstField(); k != FieldNames.END; k = cursor.nextField()) {
                        int slot = TextFields.ISSUER.slot(k);
                        if (slot != TextFields.NONE) {
                            id.issuerText(slot, text(cursor, f, TextFields.ISSUER, slot, level, issuerMemos[slot]));
                        } else {
                            cursor.skipValue(level);
                        }
                    }
                }
            } else {
                cursor.skipValue(inner);
            }
        }
    }

    /** Reads the event's own {@code resources}: objects with {@code ARN} and {@code type}; anything else is passed. */
    private void readResources(JsonCursor cursor, EventFields f, int depth) throws IOException {
        if (cursor.peek() != '[') {
            cursor.skipValue(depth); // EventBridge envelopes and odd producers: not the event's resource list
            return;
        }
        cursor.enterArray();
        for (boolean more = cursor.firstElement(); more; more = cursor.nextElement()) {
            if (cursor.peek() != '{') {
                cursor.skipValue(depth + 1);
                continue;
            }
            cursor.enterObject();
            String arn = null;
            String type = null;
            for (int k = cursor.firstField(); k != FieldNames.END; k = cursor.nextField()) {
                if (k == FieldNames.ARN) {
                    arn = stringOrSkip(cursor, depth + 2);
                } else if (k == FieldNames.TYPE) {
                    type = stringOrSkip(cursor, depth + 2);
                } else {
                    cursor.skipValue(depth + 2);
                }
            }
            // CloudTrail sometimes leaves the type out (SSM parameters, say): an untyped resource cannot be used.
            if (arn != null && type != null && !arn.isBlank() && !type.isBlank()) {
                String id = ResourceRules.idFromArn(arn);
                if (!id.isBlank()) { // "arn:aws:s3::: " names nothing: dropped, like an untyped resource
                    f.addResource(new AwsResource(type, id, arn, AwsResource.Action.TOUCHED));
                }
            }
        }
    }

    private void readRequest(JsonCursor cursor, EventFields f, int depth) throws IOException {
        int c = cursor.peek();
        if (c != '{' && c != '[') {
            cursor.skipValue(depth); // null, mostly
        } else if (f.eventName == null || f.eventSource == null) {
            f.requestBytes = cursor.capture(depth); // which parts matter is not known yet
        } else {
            ResourceRules.Rule rule = f.rule();
            if (rule != null && rule.needsRequest()) {
                f.request = rule.request().extract(cursor, depth);
            } else {
                cursor.skipValue(depth);
            }
        }
    }

    /** Where a console sign-in event says whether it worked; null for every other event. */
    private static ValuePaths signInResult(String eventSource, String eventName) {
        return SIGN_IN.equals(eventSource) ? SIGN_IN_RESULTS.get(eventName) : null;
    }

    private void readResponse(JsonCursor cursor, EventFields f, int depth) throws IOException {
        int c = cursor.peek();
        ValuePaths signIn;
        if (c != '{' && c != '[') {
            cursor.skipValue(depth);
        } else if (f.eventName == null || f.eventSource == null) {
            f.responseBytes = cursor.capture(depth);
        } else if ((signIn = signInResult(f.eventSource, f.eventName)) != null) {
            f.consoleLogin = signIn.extract(cursor, depth).first(0);
        } else {
            ResourceRules.Rule rule = f.rule();
            if (rule != null && rule.needsResponse()) {
                f.response = rule.response().extract(cursor, depth);
            } else {
                cursor.skipValue(depth);
            }
        }
    }

    private void readAdditional(JsonCursor cursor, EventFields f, int depth) throws IOException {
        int c = cursor.peek();
        if (c != '{') {
            cursor.skipValue(depth);
        } else if (f.eventName == null) {
            f.additionalBytes = cursor.capture(depth);
        } else if (CONSOLE_LOGIN.equals(f.eventName)) {
            f.mfaUsed = MFA_USED.extract(cursor, depth).first(0);
        } else {
            cursor.skipValue(depth);
        }
    }

    /** Reads the subtrees that came before {@code eventName}, now that it is known which parts matter. */
    private void readKeptSubtrees(EventFields e) throws MalformedJsonException {
        try {
            ResourceRules.Rule rule = e.rule();
            boolean console = CONSOLE_LOGIN.equals(e.eventName);
            if (e.requestBytes != null && rule != null && rule.needsRequest()) {
                e.request = rule.request().extract(new JsonCursor(e.requestBytes, limits), 0);
            }
            ValuePaths signIn = signInResult(e.eventSource, e.eventName);
            if (e.responseBytes != null && signIn != null) {
                e.consoleLogin = signIn.extract(new JsonCursor(e.responseBytes, limits), 0).first(0);
            } else if (e.responseBytes != null && rule != null && rule.needsResponse()) {
                e.response = rule.response().extract(new JsonCursor(e.responseBytes, limits), 0);
            }
            if (e.additionalBytes != null && console) {
                e.mfaUsed = MFA_USED.extract(new JsonCursor(e.additionalBytes, limits), 0).first(0);
            }
        } catch (MalformedJsonException malformed) {
            throw malformed;
        } catch (IOException impossible) {
            throw new IllegalStateException("reading bytes in memory", impossible);
        }
        e.requestBytes = null;
        e.responseBytes = null;
        e.additionalBytes = null;
    }

    /** Reads the JSON text of a CloudWatch Logs {@code message} or a LookupEvents {@code CloudTrailEvent}. */
    private void readEmbedded(JsonCursor cursor, EventFields f, String field, boolean recordLevel, int depth)
            throws IOException {
        if (!recordLevel || cursor.peek() != '"') {
            cursor.skipValue(depth);
            return;
        }
        String text = cursor.readString();
        if (text == null) {
            f.problem(unread(cursor, field));
            return;
        }
        int start = 0;
        while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        if (start == text.length() || text.charAt(start) != '{') {
            if (text.startsWith("CWL CONTROL MESSAGE", start)) {
                f.controlMessage = true; // CloudWatch Logs checking that its destination is alive
            } else {
                f.problem(field + " does not hold a JSON object: " + ParseContext.quote(text));
            }
            return;
        }
        EventFields inner = new EventFields();
        try {
            JsonCursor embedded = new JsonCursor(text.getBytes(StandardCharsets.UTF_8), limits);
            embedded.peek();
            readFields(embedded, inner, false, depth + 1);
            if (embedded.takeTooDeep()) { // the embedded text has a cursor of its own: its depth is not ours
                f.problem(field + " holds a value that nests deeper than " + embedded.maxDepth() + " levels");
            }
            String pastLimit = embedded.takePastLimit();
            if (pastLimit != null) {
                f.problem(field + " holds " + pastLimit);
            }
        } catch (MalformedJsonException malformed) {
            f.problem(field + " does not hold valid JSON: " + malformed.problem() + " at column "
                    + malformed.column());
            return;
        }
        f.embedded = inner;
    }

    /** Judges one record and emits its event, skips it by rule, or reports it. */
    private void finish(EventFields f, long line) throws IOException {
        long record = context.recordRead();
        if (f.controlMessage) {
            context.skip(CloudTrailFormat.SKIP_CWL_CONTROL);
            return;
        }
        if (f.detailType != null && !f.detailType.endsWith("via CloudTrail")) {
            context.skip(CloudTrailFormat.SKIP_OTHER_EVENTBRIDGE);
            return;
        }
        EventFields e = f.event();
        if (e.digest) {
            context.skip(CloudTrailFormat.SKIP_DIGEST);
            return;
        }
        String problem = f.problem != null ? f.problem : e.problem;
        if (problem != null) {
            context.error(line, record, problem);
            return;
        }
        if (e.insight || "AwsCloudTrailInsight".equals(e.eventType) || "Insight".equals(e.eventCategory)) {
            context.skip(CloudTrailFormat.SKIP_INSIGHT);
            return;
        }
        if ("Data".equals(e.eventCategory)
                || (Boolean.FALSE.equals(e.managementEvent) && "AwsApiCall".equals(e.eventType))) {
            context.skip(CloudTrailFormat.SKIP_DATA_EVENT);
            return;
        }
        if ("NetworkActivity".equals(e.eventCategory) || "AwsVpceEvent".equals(e.eventType)) {
            context.skip(CloudTrailFormat.SKIP_NETWORK_ACTIVITY);
            return;
        }
        String missing = missingFields(e);
        if (missing != null) {
            context.error(line, record, "record has no " + missing);
            return;
        }
        Instant time = AwsTimestamps.tryParse(e.eventTime);
        if (time == null) {
            context.error(line, record, "eventTime " + ParseContext.quote(e.eventTime)
                    + " is not an ISO-8601 time such as '2026-11-20T03:12:45Z'");
            return;
        }
        if (e.requestBytes != null || e.responseBytes != null || e.additionalBytes != null) {
            try {
                readKeptSubtrees(e);
            } catch (MalformedJsonException malformed) {
                context.error(line, record, "requestParameters, responseElements or additionalEventData is not valid"
                        + " JSON: " + malformed.problem());
                return;
            }
        }
        ApiCall call;
        try {
            call = build(e, f, time);
        } catch (IllegalArgumentException | NullPointerException invalid) {
            context.error(line, record, "event does not fit the model: " + ParseContext.quote(invalid.getMessage()));
            return;
        }
        context.emit(call); // outside the try: a failing sink is not a bad record
    }

    private static String missingFields(EventFields e) {
        String missing = null;
        if (isBlank(e.eventTime)) {
            missing = "eventTime";
        }
        if (isBlank(e.eventSource)) {
            missing = missing == null ? "eventSource" : missing + ", eventSource";
        }
        if (isBlank(e.eventName)) {
            missing = missing == null ? "eventName" : missing + ", eventName";
        }
        return missing;
    }

    private ApiCall build(EventFields e, EventFields wrapper, Instant time) {
        String ip = null;
        String service = null;
        if (e.sourceIp != null) {
            ip = addresses.canonical(e.sourceIp);
            if (ip == null) {
                service = serviceOf(e.sourceIp);
            }
            // else: an address that is not one (anonymised "035.249.253.232", "1.2.3.999"): dropped, event kept
        }
        String account = accountOrNull(e.recipientAccountId);
        if (account == null) {
            account = accountOrNull(wrapper.envelopeAccount);
        }
        boolean failed = !isBlank(e.errorCode) || !isBlank(e.errorMessage);
        String errorMessage = e.errorMessage;
        if (!failed && "Failure".equals(e.consoleLogin) && signInResult(e.eventSource, e.eventName) != null) {
            errorMessage = "Failure"; // responseElements.<eventName> said so: keep isSuccess() honest
            failed = true;
        }
        // the canonical constructor rather than the builder: one object less per event on the hot path
        return new ApiCall(time, e.eventId, account, e.region, principal(e), ip, service, e.userAgent, e.eventSource,
                e.eventName, e.errorCode, errorMessage, e.eventType, e.readOnly, resources(e, failed));
    }

    private static Principal principal(EventFields e) {
        EventFields.Identity id = e.identity;
        if (id == null) {
            return NOBODY;
        }
        // a console sign-in without the session's MFA flag takes it from the event: the one principal not the
        // identity's alone, so not kept with it (a kept identity is shared by the records that repeat it)
        boolean mfaFromEvent = id.mfaAuthenticated == null && CONSOLE_LOGIN.equals(e.eventName) && e.mfaUsed != null;
        if (id.principal != null && !mfaFromEvent) {
            return id.principal;
        }
        PrincipalType type = PrincipalType.fromCloudTrail(id.type);
        String principalId = id.principalId;
        if (principalId == null && type == PrincipalType.IDENTITY_CENTER_USER) {
            principalId = id.onBehalfOfUserId; // Identity Center users have no principalId, their store id names them
        }
        Boolean mfa = id.mfaAuthenticated;
        if (mfaFromEvent) {
            mfa = e.mfaUsed.equalsIgnoreCase("Yes") ? Boolean.TRUE
                    : e.mfaUsed.equalsIgnoreCase("No") ? Boolean.FALSE : null;
        }
        Principal.SessionIssuer issuer = id.hasIssuer()
                ? new Principal.SessionIssuer(id.issuerType, id.issuerPrincipalId, id.issuerArn,
                        accountOrNull(id.issuerAccountId), id.issuerUserName)
                : null;
        Principal principal = new Principal(type, principalId, id.arn, accountOrNull(id.accountId), id.userName,
                id.accessKeyId, issuer, id.identityProvider, id.invokedBy, mfa);
        if (!mfaFromEvent) {
            id.principal = principal;
        }
        return principal;
    }

    private static List<AwsResource> resources(EventFields e, boolean failed) {
        ResourceRules.Rule rule = e.rule();
        if (rule == null && e.resources == null) {
            return List.of();
        }
        List<AwsResource> out = e.resources != null ? e.resources : new ArrayList<>(2);
        if (rule != null) {
            rule.collect(e.request != null ? e.request : Values.NONE, e.response != null ? e.response : Values.NONE,
                    e.eventName, out);
        }
        if (out.isEmpty()) {
            return List.of();
        }
        List<AwsResource> merged = new ArrayList<>(out.size());
        for (AwsResource resource : out) {
            if (failed && resource.action() != AwsResource.Action.TOUCHED) {
                resource = new AwsResource(resource.type(), resource.id(), resource.arn(),
                        AwsResource.Action.TOUCHED); // a failed call created or deleted nothing
            }
            mergeInto(merged, resource);
        }
        return merged;
    }

    /** Adds a resource, or merges it with one of the same type and id: the stronger action, the known ARN. */
    private static void mergeInto(List<AwsResource> merged, AwsResource resource) {
        for (int i = 0; i < merged.size(); i++) {
            AwsResource known = merged.get(i);
            if (known.type().equals(resource.type()) && known.id().equals(resource.id())) {
                AwsResource.Action action = known.action() == AwsResource.Action.TOUCHED
                        ? resource.action() : known.action();
                String arn = known.arn() != null ? known.arn() : resource.arn();
                if (action != known.action() || !java.util.Objects.equals(arn, known.arn())) {
                    merged.set(i, new AwsResource(known.type(), known.id(), arn, action));
                }
                return;
            }
        }
        merged.add(resource);
    }

    /**
     * Tells whether a {@code sourceIPAddress} that is not an IP literal names an AWS service ({@code
     * ec2.amazonaws.com}, {@code AWS Internal}): letters, digits, dots, hyphens, underscores and spaces, with at
     * least one letter, and not shaped like a broken address.
     */
    /**
     * The service a non-address {@code sourceIPAddress} names, or null. AWS writes {@code AWS Internal/#} for events
     * it starts, "where # is a number used for internal purposes": that is {@code AWS Internal}, as one source.
     */
    static String serviceOf(String value) {
        if (value.startsWith(AWS_INTERNAL + "/")) {
            return AWS_INTERNAL;
        }
        return isServiceName(value) ? value : null;
    }

    static boolean isServiceName(String value) {
        if (value.isEmpty() || value.length() > 253 || looksLikeAddress(value)) {
            return false;
        }
        boolean letter = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                letter = true;
            } else if (!((c >= '0' && c <= '9') || c == '.' || c == '-' || c == '_' || c == ' ')) {
                return false;
            }
        }
        return letter;
    }

    /** Digits and dots only (IPv4-ish), or a colon with hex digits and dots (IPv6-ish). */
    private static boolean looksLikeAddress(String value) {
        boolean colon = value.indexOf(':') >= 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean ok = (c >= '0' && c <= '9') || c == '.'
                    || (colon && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** A 12-digit account id, or null: placeholders ("xxx", "redacted", "123") are not account ids. */
    static String accountOrNull(String value) {
        if (value == null || value.length() != 12) {
            return null;
        }
        for (int i = 0; i < 12; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        return value;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    // ---- value helpers ----

    /**
     * Reads a string field of a table: a JSON string, or null; for a field that is not {@link TextFields#required},
     * numbers and booleans too, as written. Anything else is a problem of the record, and null.
     */
    private static String text(JsonCursor cursor, EventFields f, TextFields table, int slot, int depth,
            JsonCursor.Memo memo) throws IOException {
        int c = cursor.peek();
        if (c == '"') {
            String value = cursor.readString(memo);
            if (value == null) {
                f.problem(unread(cursor, table.name(slot)));
            }
            return value;
        }
        if (c == '{' || c == '[' || (table.required(slot) && c != 'n')) {
            f.problem(table.name(slot) + " must be a string, not " + cursor.describeAndSkip(depth));
            return null;
        }
        return cursor.readScalarText();
    }

    /** Why a string the cursor read as null could not be read: too long, or an escape JSON has not. */
    private static String unread(JsonCursor cursor, String field) {
        if (cursor.stringTooLong()) {
            return field + " is longer than " + cursor.maxString() + " characters";
        }
        return field + " holds " + cursor.takePastLimit();
    }

    private static String stringOrSkip(JsonCursor cursor, int depth) throws IOException {
        if (cursor.peek() == '"') {
            return cursor.readString();
        }
        cursor.skipValue(depth);
        return null;
    }

    /** Enters an object field: true inside it; false for null; a problem for anything else. */
    private static boolean enterObject(JsonCursor cursor, EventFields f, String field, int depth) throws IOException {
        int c = cursor.peek();
        if (c == '{') {
            if (depth + 1 > cursor.maxDepth()) {
                throw cursor.malformed("nesting deeper than " + cursor.maxDepth() + " levels");
            }
            cursor.enterObject();
            return true;
        }
        if (c == 'n') {
            cursor.readScalarText();
        } else {
            f.problem(field + " must be an object, not " + cursor.describeAndSkip(depth));
        }
        return false;
    }
}
