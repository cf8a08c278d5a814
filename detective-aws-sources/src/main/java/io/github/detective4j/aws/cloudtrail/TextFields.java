package io.github.detective4j.aws.cloudtrail;

import java.util.Arrays;

/**
 * The string-valued fields of one kind of object (an event, its {@code userIdentity}, a session issuer) as a table:
 * field id to slot, and per slot the name errors give and whether only a string will do. The reader reads every
 * such field at one call site and stores it by slot, which keeps its loop small enough for the JIT to inline the
 * string reading into it: with one {@code case} per field, the loop outgrew the inliner's budget.
 */
final class TextFields {
    /** {@code readOnly} and the like are not string fields: {@link #slot(int)} says so with this. */
    static final int NONE = -1;

    /** An event's slots. */
    static final int EVENT_TIME = 0;
    static final int EVENT_NAME = 1;
    static final int EVENT_SOURCE = 2;
    static final int EVENT_ID = 3;
    static final int AWS_REGION = 4;
    static final int SOURCE_IP_ADDRESS = 5;
    static final int USER_AGENT = 6;
    static final int ERROR_CODE = 7;
    static final int ERROR_MESSAGE = 8;
    static final int EVENT_TYPE = 9;
    static final int EVENT_CATEGORY = 10;
    static final int RECIPIENT_ACCOUNT_ID = 11;
    static final int DETAIL_TYPE = 12;
    static final int ACCOUNT = 13;

    /** A {@code userIdentity}'s slots; a session issuer uses the first four and {@link #USER_NAME}. */
    static final int TYPE = 0;
    static final int PRINCIPAL_ID = 1;
    static final int ARN = 2;
    static final int ACCOUNT_ID = 3;
    static final int USER_NAME = 4;
    static final int ACCESS_KEY_ID = 5;
    static final int INVOKED_BY = 6;
    static final int IDENTITY_PROVIDER = 7;

    static final TextFields EVENT = new TextFields()
            .add(FieldNames.EVENT_TIME, EVENT_TIME, "eventTime", true, false)
            .add(FieldNames.EVENT_NAME, EVENT_NAME, "eventName", true, true)
            .add(FieldNames.EVENT_SOURCE, EVENT_SOURCE, "eventSource", true, true)
            .add(FieldNames.EVENT_ID, EVENT_ID, "eventID", false, false)
            .add(FieldNames.AWS_REGION, AWS_REGION, "awsRegion", false, true)
            .add(FieldNames.SOURCE_IP_ADDRESS, SOURCE_IP_ADDRESS, "sourceIPAddress", false, true)
            .add(FieldNames.USER_AGENT, USER_AGENT, "userAgent", false, true)
            .add(FieldNames.ERROR_CODE, ERROR_CODE, "errorCode", false, false)
            .add(FieldNames.ERROR_MESSAGE, ERROR_MESSAGE, "errorMessage", false, false)
            .add(FieldNames.EVENT_TYPE, EVENT_TYPE, "eventType", false, true)
            .add(FieldNames.EVENT_CATEGORY, EVENT_CATEGORY, "eventCategory", false, true)
            .add(FieldNames.RECIPIENT_ACCOUNT_ID, RECIPIENT_ACCOUNT_ID, "recipientAccountId", false, true)
            .add(FieldNames.DETAIL_TYPE, DETAIL_TYPE, "detail-type", false, false)
            .add(FieldNames.ACCOUNT, ACCOUNT, "account", false, false);

    static final TextFields IDENTITY = new TextFields()
            .add(FieldNames.TYPE, TYPE, "userIdentity.type", false, true)
            .add(FieldNames.PRINCIPAL_ID, PRINCIPAL_ID, "userIdentity.principalId", false, true)
            .add(FieldNames.ARN, ARN, "userIdentity.arn", false, false)
            .add(FieldNames.ACCOUNT_ID, ACCOUNT_ID, "userIdentity.accountId", false, true)
            .add(FieldNames.USER_NAME, USER_NAME, "userIdentity.userName", false, false)
            .add(FieldNames.ACCESS_KEY_ID, ACCESS_KEY_ID, "userIdentity.accessKeyId", false, false)
            .add(FieldNames.INVOKED_BY, INVOKED_BY, "userIdentity.invokedBy", false, false)
            .add(FieldNames.IDENTITY_PROVIDER, IDENTITY_PROVIDER, "userIdentity.identityProvider", false, false);

    static final TextFields ISSUER = new TextFields()
            .add(FieldNames.TYPE, TYPE, "sessionIssuer.type", false, true)
            .add(FieldNames.PRINCIPAL_ID, PRINCIPAL_ID, "sessionIssuer.principalId", false, true)
            .add(FieldNames.ARN, ARN, "sessionIssuer.arn", false, false)
            .add(FieldNames.ACCOUNT_ID, ACCOUNT_ID, "sessionIssuer.accountId", false, true)
            .add(FieldNames.USER_NAME, USER_NAME, "sessionIssuer.userName", false, false);

    /** {@code userIdentity.onBehalfOf}: one field, the Identity Center user's id. */
    static final TextFields ON_BEHALF_OF = new TextFields()
            .add(FieldNames.USER_ID, 0, "userIdentity.onBehalfOf.userId", false, false);

    private static final int SLOTS = 14;
    private final int[] slots = new int[FieldNames.COUNT];
    private final String[] names = new String[SLOTS];
    private final boolean[] required = new boolean[SLOTS];
    private final boolean[] remembered = new boolean[SLOTS];

    private TextFields() {
        Arrays.fill(slots, NONE);
    }

    private TextFields add(int id, int slot, String name, boolean onlyString, boolean memo) {
        slots[id] = slot;
        names[slot] = name;
        required[slot] = onlyString;
        remembered[slot] = memo;
        return this;
    }

    /** The slot of a field id, or {@link #NONE}. */
    int slot(int id) {
        return id < 0 ? NONE : slots[id];
    }

    /** The field's name in errors, such as {@code userIdentity.arn}. */
    String name(int slot) {
        return names[slot];
    }

    /** True when only a string (or null) will do; otherwise numbers and booleans are taken as written. */
    boolean required(int slot) {
        return required[slot];
    }

    /**
     * One memo per slot whose values repeat across events and are worth one string per value (see
     * {@link StringPool}), null for the others; each reader has its own.
     */
    JsonCursor.Memo[] newMemos() {
        JsonCursor.Memo[] memos = new JsonCursor.Memo[SLOTS];
        for (int slot = 0; slot < SLOTS; slot++) {
            if (remembered[slot]) {
                memos[slot] = new JsonCursor.Memo();
            }
        }
        return memos;
    }
}
