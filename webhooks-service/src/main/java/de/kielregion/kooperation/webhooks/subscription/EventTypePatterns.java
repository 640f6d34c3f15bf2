package de.kielregion.kooperation.webhooks.subscription;

import de.kielregion.kooperation.contracts.EventTypes;
import de.kielregion.kooperation.platform.problem.ProblemException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The event types a subscription may name: every type of {@link EventTypes}, exactly, or a prefix
 * ending in {@code *} ({@code cooperation.project.*}) that matches at least one of them.
 */
public final class EventTypePatterns {

    /** Every type the services publish, sorted. */
    public static final List<String> KNOWN = known();

    private EventTypePatterns() {}

    /** The patterns, checked (400 naming the first unknown one), without duplicates, in their order. */
    public static List<String> check(List<String> patterns) {
        List<String> checked = new ArrayList<>();
        for (String pattern : patterns) {
            String p = pattern == null ? "" : pattern.strip();
            if (!matchesAny(p)) {
                throw ProblemException.refusal("webhook.event-type-unknown")
                        .with("type", p)
                        .invalid("eventTypes");
            }
            if (!checked.contains(p)) {
                checked.add(p);
            }
        }
        return checked;
    }

    /** Whether {@code type} is one {@code pattern} names. */
    public static boolean matches(String pattern, String type) {
        return pattern.endsWith("*")
                ? type.startsWith(pattern.substring(0, pattern.length() - 1))
                : pattern.equals(type);
    }

    private static boolean matchesAny(String pattern) {
        if (pattern.isEmpty() || pattern.indexOf('*') >= 0 && pattern.indexOf('*') != pattern.length() - 1) {
            return false;
        }
        return KNOWN.stream().anyMatch(type -> matches(pattern, type));
    }

    private static List<String> known() {
        TreeSet<String> types = new TreeSet<>();
        for (Field field : EventTypes.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    types.add((String) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return List.copyOf(types);
    }
}
