package io.github.detective4j.examples.incident;

import com.fasterxml.jackson.core.JsonGenerator;
import io.github.detective4j.examples.incident.Cast.Role;
import io.github.detective4j.examples.incident.Facts.User;
import java.io.IOException;
import java.time.Instant;

/** Who made a call: the shapes of CloudTrail's {@code userIdentity} that the story uses. */
sealed interface Identity {
    /**
     * Writes the {@code userIdentity} object.
     *
     * @param g where to write
     */
    void write(JsonGenerator g) throws IOException;

    /** An IAM user calling with an access key: the CLI and SDKs. */
    record UserKey(User user, String accessKeyId) implements Identity {
        @Override
        public void write(JsonGenerator g) throws IOException {
            g.writeStartObject();
            userFields(g, user);
            g.writeStringField("accessKeyId", accessKeyId);
            g.writeStringField("userName", user.name());
            g.writeEndObject();
        }
    }

    /** An IAM user signed in to the console: a temporary key of the console session. */
    record UserConsole(User user, String sessionKeyId, Instant sessionStart) implements Identity {
        @Override
        public void write(JsonGenerator g) throws IOException {
            g.writeStartObject();
            userFields(g, user);
            g.writeStringField("accessKeyId", sessionKeyId);
            g.writeStringField("userName", user.name());
            g.writeObjectFieldStart("sessionContext");
            g.writeObjectFieldStart("sessionIssuer");
            g.writeEndObject();
            federationAndAttributes(g, sessionStart, true);
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    /** An IAM user signing in to the console ({@code ConsoleLogin}): no key yet. */
    record UserSignIn(User user) implements Identity {
        @Override
        public void write(JsonGenerator g) throws IOException {
            g.writeStartObject();
            userFields(g, user);
            g.writeStringField("userName", user.name());
            g.writeEndObject();
        }
    }

    /** A session of an assumed role; {@code fromInstance} for an instance profile's credentials. */
    record RoleSession(Role role, String sessionName, String accessKeyId, Instant created, boolean fromInstance)
            implements Identity {
        String principalId() {
            return role.roleId() + ":" + sessionName;
        }

        String arn() {
            return "arn:aws:sts::" + Cast.ACCOUNT + ":assumed-role/" + role.name() + "/" + sessionName;
        }

        @Override
        public void write(JsonGenerator g) throws IOException {
            g.writeStartObject();
            g.writeStringField("type", "AssumedRole");
            g.writeStringField("principalId", principalId());
            g.writeStringField("arn", arn());
            g.writeStringField("accountId", Cast.ACCOUNT);
            g.writeStringField("accessKeyId", accessKeyId);
            g.writeObjectFieldStart("sessionContext");
            g.writeObjectFieldStart("sessionIssuer");
            g.writeStringField("type", "Role");
            g.writeStringField("principalId", role.roleId());
            g.writeStringField("arn", role.arn());
            g.writeStringField("accountId", Cast.ACCOUNT);
            g.writeStringField("userName", role.name());
            g.writeEndObject();
            federationAndAttributes(g, created, false);
            if (fromInstance) {
                g.writeStringField("ec2RoleDelivery", "2.0");
            }
            g.writeEndObject();
            g.writeEndObject();
        }
    }

    /** An AWS service acting on the account's behalf, such as EC2 fetching an instance profile's credentials. */
    record Service(String service) implements Identity {
        @Override
        public void write(JsonGenerator g) throws IOException {
            g.writeStartObject();
            g.writeStringField("type", "AWSService");
            g.writeStringField("invokedBy", service);
            g.writeEndObject();
        }
    }

    /** The end of every {@code sessionContext}: no web identity, the session's start and whether MFA opened it. */
    private static void federationAndAttributes(JsonGenerator g, Instant created, boolean mfa) throws IOException {
        g.writeObjectFieldStart("webIdFederationData");
        g.writeEndObject();
        g.writeObjectFieldStart("attributes");
        g.writeStringField("creationDate", created.toString());
        g.writeStringField("mfaAuthenticated", String.valueOf(mfa));
        g.writeEndObject();
    }

    private static void userFields(JsonGenerator g, User user) throws IOException {
        g.writeStringField("type", "IAMUser");
        g.writeStringField("principalId", user.principalId());
        g.writeStringField("arn", user.arn());
        g.writeStringField("accountId", Cast.ACCOUNT);
    }
}
