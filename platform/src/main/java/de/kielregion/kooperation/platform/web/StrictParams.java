package de.kielregion.kooperation.platform.web;

import de.kielregion.kooperation.platform.problem.Problem;
import de.kielregion.kooperation.platform.problem.Violation;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Numbers, booleans and ids in paths and query strings are read strictly (ASCII digits, no
 * sign, no fraction, {@code true}/{@code false}, canonical UUIDs), and anything else is a 400
 * naming the parameter and what was expected, never a 404 and never a look-alike that resolves
 * to a real row (e.g. a UUID written with full-width digits).
 */
@Provider
public class StrictParams implements ParamConverterProvider {

    private static final Pattern WHOLE = Pattern.compile("0|[1-9][0-9]{0,17}");
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = name(annotations);
        if (name == null) {
            return null;
        }
        if (rawType == Integer.class || rawType == int.class) {
            return (ParamConverter<T>) converter(name, "a whole number, e.g. 2", text -> {
                if (!WHOLE.matcher(text).matches()) {
                    return null;
                }
                long value = Long.parseLong(text);
                return value > Integer.MAX_VALUE ? null : (int) value;
            });
        }
        if (rawType == Long.class || rawType == long.class) {
            return (ParamConverter<T>) converter(
                    name,
                    "a whole number, e.g. 2",
                    text -> WHOLE.matcher(text).matches() ? Long.parseLong(text) : null);
        }
        if (rawType == Boolean.class || rawType == boolean.class) {
            return (ParamConverter<T>) converter(
                    name,
                    "true or false",
                    text -> "true".equals(text) ? Boolean.TRUE : "false".equals(text) ? Boolean.FALSE : null);
        }
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(
                    name,
                    "an id like 3f2c8a9e-1b4d-4c6e-9a7b-2d5e8f1a3c6b",
                    text -> UUID_TEXT.matcher(text).matches() ? UUID.fromString(text) : null);
        }
        return null;
    }

    private static <T> ParamConverter<T> converter(String name, String expected, Function<String, T> parse) {
        return new ParamConverter<>() {
            @Override
            public T fromString(String value) {
                if (value == null) {
                    return null;
                }
                T parsed = parse.apply(value);
                if (parsed == null) {
                    throw new WebApplicationException(
                            Problem.of(Response.Status.BAD_REQUEST, "Parameter '" + name + "' must be " + expected)
                                    .with("violations", List.of(new Violation(name, "must be " + expected)))
                                    .toResponse());
                }
                return parsed;
            }

            @Override
            public String toString(T value) {
                return value == null ? null : value.toString();
            }
        };
    }

    private static String name(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a instanceof QueryParam q) {
                return q.value();
            }
            if (a instanceof PathParam p) {
                return p.value();
            }
            if (a instanceof HeaderParam h) {
                return h.value();
            }
        }
        return null;
    }
}
