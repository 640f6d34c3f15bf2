package de.kielregion.kooperation.platform.web;

import de.kielregion.kooperation.platform.problem.ProblemException;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Query parameters parsed with a 400 that names the parameter and what it accepts (JAX-RS
 * would answer a bad enum or UUID in a query parameter with a bare 404).
 */
public final class Params {

    private Params() {}

    public static <E extends Enum<E>> E enumOf(Class<E> type, String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.refusal("param.not-one-of")
                    .with(
                            "allowed",
                            Arrays.stream(type.getEnumConstants())
                                    .map(Enum::name)
                                    .collect(Collectors.joining(", ")))
                    .with("value", value)
                    .invalid(name);
        }
    }

    public static UUID uuid(String value, String name) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.trim());
        } catch (IllegalArgumentException e) {
            throw ProblemException.refusal("param.not-uuid")
                    .with("value", value)
                    .invalid(name);
        }
    }
}
