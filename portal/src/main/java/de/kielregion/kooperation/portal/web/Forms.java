package de.kielregion.kooperation.portal.web;

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
        String value = text(form, name);
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

    /** A map without null values (absent fields stay absent). */
    static Map<String, Object> body(Object... pairs) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                body.put((String) pairs[i], pairs[i + 1]);
            }
        }
        return body;
    }

    /** The form's values as a map for re-showing them after a refusal. */
    static Map<String, Object> values(MultivaluedMap<String, String> form) {
        Map<String, Object> values = new LinkedHashMap<>();
        form.forEach((k, v) -> values.put(k, v.size() == 1 ? v.get(0) : v));
        return values;
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
