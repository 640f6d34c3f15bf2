package de.kielregion.kooperation.portal.web;

import de.kielregion.kooperation.portal.api.ServiceProblem;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Form fields to the JSON the services take. The portal checks nothing the services check:
 * it passes what was typed (blank as null), and a refusal comes back as the service's
 * violations next to the fields. Numbers it cannot read are passed as text, so the service
 * names the field.
 */
final class Forms {

    /** A reader of {@code form} whose refusals are worded by {@code labels} (the page's {@code ui::t}). */
    static Reader read(MultivaluedMap<String, String> form, java.util.function.UnaryOperator<String> labels) {
        return new Reader(form, labels);
    }

    private Forms() {}

    static String text(MultivaluedMap<String, String> form, String name) {
        String value = form.getFirst(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    static List<String> list(MultivaluedMap<String, String> form, String name) {
        List<String> values = form.get(name);
        List<String> result = new ArrayList<>();
        if (values != null) {
            for (String v : values) {
                if (v != null && !v.isBlank()) {
                    result.add(v.trim());
                }
            }
        }
        return result;
    }

    /** An integer field: a number when it reads as one, else the text (the service rejects it by name). */
    static Object integer(MultivaluedMap<String, String> form, String name) {
        String value = text(form, name);
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** A decimal field; German input (15.000,50) and plain (15000.50) both read. */
    static Object decimal(MultivaluedMap<String, String> form, String name) {
        return decimal(text(form, name));
    }

    /** A number as typed (German "1.500,50" or "1500.50"), a BigDecimal; what does not read is returned as typed. */
    static Object decimal(String value) {
        if (value == null) {
            return null;
        }
        String normal = value.replace("€", "").replace(" ", "").replace("\u00a0", "");
        if (normal.matches("-?[0-9]{1,3}(\\.[0-9]{3})+(,[0-9]+)?") || normal.matches("-?[0-9]+,[0-9]+")) {
            normal = normal.replace(".", "").replace(',', '.');
        }
        try {
            return new java.math.BigDecimal(normal);
        } catch (NumberFormatException e) {
            return value;
        }
    }

    /** A form's first values (of the thing edited, or a default), name and value pairs; null values stay out. */
    static Map<String, Object> prefill(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                body.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return body;
    }

    /** The If-Match of an edit: the version the form was drawn with. */
    static String ifMatch(Long version) {
        return version == null ? null : "\"" + version + "\"";
    }

    /** The form's values as a map for re-showing them after a refusal. */
    static Map<String, Object> values(MultivaluedMap<String, String> form) {
        Map<String, Object> values = new LinkedHashMap<>();
        form.forEach((k, v) -> values.put(k, v.size() == 1 ? v.get(0) : v));
        return values;
    }

    /**
     * Reads a form into the typed values of a generated request: what does not read (a number, a
     * date, a choice not offered) is collected as a violation of its field, and {@link #done}
     * refuses the form with them, as the service would (400, the messages next to the fields).
     */
    static final class Reader {

        private final MultivaluedMap<String, String> form;
        private final java.util.function.UnaryOperator<String> labels;
        private final Map<String, String> violations = new LinkedHashMap<>();

        Reader(MultivaluedMap<String, String> form, java.util.function.UnaryOperator<String> labels) {
            this.form = form;
            this.labels = labels;
        }

        String text(String name) {
            return Forms.text(form, name);
        }

        List<String> list(String name) {
            return Forms.list(form, name);
        }

        Integer integer(String name) {
            Object value = Forms.integer(form, name);
            if (value instanceof Long l && l >= Integer.MIN_VALUE && l <= Integer.MAX_VALUE) {
                return l.intValue();
            }
            return refuse(value, name, "form.invalid.number");
        }

        Long version() {
            Object value = Forms.integer(form, "version");
            return value instanceof Long l ? l : refuse(value, "version", "form.invalid.number");
        }

        java.math.BigDecimal decimal(String name) {
            Object value = Forms.decimal(form, name);
            return value instanceof java.math.BigDecimal d ? d : refuse(value, name, "form.invalid.number");
        }

        /** A number typed into a field of a repeated group, its refusal filed under {@code name}. */
        java.math.BigDecimal decimalValue(String typed, String name) {
            Object value = Forms.decimal(typed == null || typed.isBlank() ? null : typed.trim());
            return value instanceof java.math.BigDecimal d ? d : refuse(value, name, "form.invalid.number");
        }

        java.time.LocalDate date(String name) {
            String value = text(name);
            try {
                return value == null ? null : java.time.LocalDate.parse(value);
            } catch (java.time.format.DateTimeParseException e) {
                return refuse(value, name, "form.invalid.date");
            }
        }

        java.util.UUID uuid(String name) {
            String value = text(name);
            try {
                return value == null ? null : java.util.UUID.fromString(value);
            } catch (IllegalArgumentException e) {
                return refuse(value, name, "form.invalid.choice");
            }
        }

        List<java.util.UUID> uuids(String name) {
            List<java.util.UUID> ids = new ArrayList<>();
            for (String value : list(name)) {
                try {
                    ids.add(java.util.UUID.fromString(value));
                } catch (IllegalArgumentException e) {
                    refuse(value, name, "form.invalid.choice");
                }
            }
            return ids;
        }

        /** One of the values an enum of the generated models offers (its {@code fromValue}). */
        <E> E choice(String name, java.util.function.Function<String, E> fromValue) {
            return choice(text(name), name, fromValue);
        }

        <E> List<E> choices(String name, java.util.function.Function<String, E> fromValue) {
            List<E> chosen = new ArrayList<>();
            for (String value : list(name)) {
                E e = choice(value, name, fromValue);
                if (e != null) {
                    chosen.add(e);
                }
            }
            return chosen;
        }

        /** A choice typed into a field of a repeated group, its refusal filed under {@code name}. */
        <E> E choiceOf(String value, String name, java.util.function.Function<String, E> fromValue) {
            return choice(value == null || value.isBlank() ? null : value, name, fromValue);
        }

        private <E> E choice(String value, String name, java.util.function.Function<String, E> fromValue) {
            if (value == null) {
                return null;
            }
            try {
                return fromValue.apply(value);
            } catch (IllegalArgumentException e) {
                return refuse(value, name, "form.invalid.choice");
            }
        }

        private <T> T refuse(Object value, String name, String message) {
            if (value != null) {
                violations.putIfAbsent(name, labels.apply(message));
            }
            return null;
        }

        /** The request, or the refusal of the fields that did not read. */
        <T> T done(T request) {
            if (!violations.isEmpty()) {
                throw new ServiceProblem(400, "Bad Request", labels.apply("form.checkFields"), violations);
            }
            return request;
        }
    }

    /** The portal page of a decision's subject, from the register's subjectLink (service:/path). */
    public static String pageOf(String subjectLink) {
        if (subjectLink == null) {
            return null;
        }
        int colon = subjectLink.indexOf(':');
        String path = colon < 0 ? subjectLink : subjectLink.substring(colon + 1);
        if (path.matches("/(projects|partners|memberships)/[0-9a-fA-F-]{36}")) {
            return path;
        }
        if (path.startsWith("/measures") || path.startsWith("/open-questions") || path.startsWith("/strategy")) {
            return "/strategy";
        }
        return null;
    }
}
