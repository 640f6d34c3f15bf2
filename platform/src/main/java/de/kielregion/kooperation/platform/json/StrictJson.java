package de.kielregion.kooperation.platform.json;

import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;

/**
 * One strict reading of request bodies for every service: no quiet type conversions (a number
 * or boolean is not text, 1.5 is not a whole number), nothing after the JSON value, no
 * control characters in text (PostgreSQL cannot store U+0000; tab and line breaks are fine),
 * dates only as dates (no date-time cut short), and no empty string quietly read as "no date".
 * Each refusal becomes a 400 problem naming the field (see ProblemMappers).
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.configOverride(LocalDate.class).setFormat(JsonFormat.Value.forLeniency(false));
        mapper.coercionConfigFor(LogicalType.DateTime).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        // Text is text: a number or a boolean is not quietly turned into one ({"title": true}).
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        // Whole numbers are whole: 1.5 is not quietly cut to 1, true is not 1. (Numbers written as
        // strings, e.g. "1500.00" for an amount, stay accepted: clients send decimals that way.)
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.registerModule(
                new SimpleModule("no-control-characters").addDeserializer(String.class, new NoControlCharacters()));
    }

    /** The first control character in {@code text} other than tab, line feed, carriage return; or -1. */
    public static int controlCharacter(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f) {
                return c;
            }
        }
        return -1;
    }

    /** Describes a control character for a message, e.g. "U+0000". */
    public static String describe(int c) {
        return String.format("U+%04X", c);
    }

    private static final class NoControlCharacters extends StringDeserializer {

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = super.deserialize(parser, context);
            int c = value == null ? -1 : controlCharacter(value);
            if (c >= 0) {
                throw InvalidFormatException.from(
                        parser, "must not contain control characters (found " + describe(c) + ")", value, String.class);
            }
            return value;
        }
    }
}
