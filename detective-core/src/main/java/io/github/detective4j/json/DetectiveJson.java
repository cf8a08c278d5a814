package io.github.detective4j.json;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import io.github.detective4j.model.EntityRef;
import io.github.detective4j.model.SafeText;
import io.github.detective4j.model.ScopeTime;
import io.github.detective4j.model.Severity;
import io.github.detective4j.profile.Profile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * JSON for every answer of detective4j, with Jackson, under stable field names: the record component names of the
 * answer types, which change only with a major version.
 *
 * <p>Conventions: instants are ISO-8601 UTC strings ({@code "2026-11-20T04:00:00Z"}); entity references are their
 * text form ({@code "Ec2Instance/i-08a8e40be65425909"}); scope times are {@code {"start": ..., "end": ...}};
 * severities are {@code {"score": 8.0, "label": "HIGH", "normalized": 80}}; a {@link Profile} is
 * {@code {"entity", "scope", "inTraining", "panels": {"details": ..., "apiCallVolume": ...}}}; null fields are left
 * out. Strings are JSON-escaped by Jackson, so attacker-controlled text (user agents, names) cannot break the
 * document; and every character that {@link SafeText#isUnsafe} names (C0 and C1 controls, DEL, U+2028 and U+2029,
 * bidirectional and zero-width format characters, surrogates) is written as a {@code \}{@code uXXXX} escape, so
 * that a document is one line for readers that split on NEL or U+2028 and shows no control or bidi character to
 * whoever reads it raw. Other characters, letters of every script among them, stay as they are. A character beyond
 * the BMP is written as its two escaped surrogates, which every JSON reader joins back.
 *
 * <pre>{@code
 * String json = DetectiveJson.write(graph.profile(ip, scope));
 * ObjectMapper mine = new ObjectMapper().registerModule(DetectiveJson.module());   // into your own mapper
 * }</pre>
 *
 * <p>Thread-safe: the module and the mapper it configures may be shared.
 */
public final class DetectiveJson {
    private static final ObjectMapper MAPPER = mapper();

    private DetectiveJson() {}

    /**
     * Returns the Jackson module of the conventions above, to register into a mapper of your own.
     *
     * @return a new module
     */
    public static Module module() {
        SimpleModule module = new SimpleModule("detective4j");
        module.addSerializer(EntityRef.class, ToStringSerializer.instance);
        module.addSerializer(Instant.class, ToStringSerializer.instance);
        module.addSerializer(ScopeTime.class, new JsonSerializer<>() {
            @Override
            public void serialize(ScopeTime scope, JsonGenerator out, SerializerProvider provider)
                    throws IOException {
                out.writeStartObject();
                out.writeStringField("start", scope.start().toString());
                out.writeStringField("end", scope.end().toString());
                out.writeEndObject();
            }
        });
        module.addSerializer(Severity.class, new JsonSerializer<>() {
            @Override
            public void serialize(Severity severity, JsonGenerator out, SerializerProvider provider)
                    throws IOException {
                out.writeStartObject();
                out.writeNumberField("score", severity.score());
                out.writeStringField("label", severity.label().name());
                out.writeNumberField("normalized", severity.normalized());
                out.writeEndObject();
            }
        });
        // JSON has no NaN or infinity, and Jackson would write them as strings in a number's place: null instead
        JsonSerializer<Double> finite = new JsonSerializer<>() {
            @Override
            public void serialize(Double value, JsonGenerator out, SerializerProvider provider) throws IOException {
                if (Double.isFinite(value)) {
                    out.writeNumber(value);
                } else {
                    out.writeNull();
                }
            }
        };
        module.addSerializer(Double.class, finite);
        module.addSerializer(Double.TYPE, finite);
        // the graph answers some questions with an Optional (a profile's panels, graph.finding): empty is null
        @SuppressWarnings({"unchecked", "rawtypes"})
        Class<Optional<?>> optional = (Class) Optional.class;
        module.addSerializer(optional, new JsonSerializer<Optional<?>>() {
            @Override
            public void serialize(Optional<?> value, JsonGenerator out, SerializerProvider provider)
                    throws IOException {
                if (value.isPresent()) {
                    provider.defaultSerializeValue(value.get(), out);
                } else {
                    out.writeNull();
                }
            }
        });
        module.addSerializer(Profile.class, new JsonSerializer<>() {
            @Override
            public void serialize(Profile profile, JsonGenerator out, SerializerProvider provider)
                    throws IOException {
                out.writeStartObject();
                provider.defaultSerializeField("entity", profile.entity(), out);
                provider.defaultSerializeField("scope", profile.scope(), out);
                out.writeBooleanField("inTraining", profile.inTraining());
                provider.defaultSerializeField("panels", profile.panelsByKey(), out);
                out.writeEndObject();
            }
        });
        return module;
    }

    /**
     * Returns the escapes of the mapper's factory: Jackson's own, and {@code \}{@code uXXXX} for every char that
     * {@link SafeText#isUnsafe} names. A module cannot carry them; set them on the factory of a mapper of your own,
     * {@code new JsonFactoryBuilder().characterEscapes(DetectiveJson.escapes())}, for the same guarantee.
     *
     * @return the escapes, immutable and shareable
     */
    public static CharacterEscapes escapes() {
        return UnsafeEscapes.INSTANCE;
    }

    /**
     * Returns a new mapper with the module registered, the {@linkplain #escapes escapes} set, nulls left out, and
     * dates as text.
     *
     * @return a new mapper
     */
    public static ObjectMapper mapper() {
        return new ObjectMapper(new JsonFactoryBuilder().characterEscapes(escapes()).build())
                .registerModule(module())
                .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    }

    /** Escapes char by char, as Jackson asks: a character beyond the BMP is its two surrogates, each escaped. */
    private static final class UnsafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        static final UnsafeEscapes INSTANCE = new UnsafeEscapes();

        private final int[] ascii = standardAsciiEscapesForJSON();

        private UnsafeEscapes() {
            for (int c = 0; c < ascii.length; c++) {
                if (SafeText.isUnsafe(c)) { // C0 are escaped already; DEL is not, and Jackson asks no more of ASCII
                    ascii[c] = ESCAPE_STANDARD;
                }
            }
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        /**
         * Each unsafe char's escape, made the first time it is met: a hostile string of millions of them (bidi
         * controls, lone surrogates) would otherwise format one each. Filled racily, which is safe: a
         * {@link SerializedString} is immutable, and two threads make equal ones.
         */
        private final transient SerializableString[] made = new SerializableString[Character.MAX_VALUE + 1];

        @Override
        public SerializableString getEscapeSequence(int c) {
            // Jackson asks for every non-ASCII char: the usual ones cost a type lookup, and no allocation
            if (c > Character.MAX_VALUE || !SafeText.isUnsafe(c)) {
                return null;
            }
            SerializableString escape = made[c];
            if (escape == null) {
                escape = new SerializedString(String.format(Locale.ROOT, "\\u%04X", c));
                made[c] = escape;
            }
            return escape;
        }

        private Object readResolve() {
            return INSTANCE;
        }
    }

    /**
     * Writes an answer as compact JSON.
     *
     * @param answer a profile, a panel, a search result or any other answer value
     * @return the JSON text
     * @throws UncheckedIOException if Jackson cannot serialise it (not an answer type)
     */
    public static String write(Object answer) {
        try {
            return MAPPER.writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes an answer as indented JSON, for reading.
     *
     * @param answer any answer value
     * @return the JSON text
     * @throws UncheckedIOException if Jackson cannot serialise it
     */
    public static String writePretty(Object answer) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(answer);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
