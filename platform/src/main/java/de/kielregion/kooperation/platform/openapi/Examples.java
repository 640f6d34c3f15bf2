package de.kielregion.kooperation.platform.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * An example request body built from the schema's own examples: every property with an example
 * (nested objects and lists included), every required property (from its enum, format or type
 * when it has no example); optional properties without an example are left out. So Swagger UI
 * and generated clients show a body that the service accepts, and it changes with the schema.
 */
final class Examples {

    private final Map<String, Schema> components;

    Examples(Map<String, Schema> components) {
        this.components = components == null ? Map.of() : components;
    }

    Object of(Schema schema) {
        return of(schema, Set.of(), true);
    }

    private Object of(Schema schema, Set<String> seen, boolean required) {
        if (schema == null) {
            return null;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            if (seen.contains(name)) {
                return null; // a recursive structure: stop here
            }
            Set<String> deeper = new java.util.HashSet<>(seen);
            deeper.add(name);
            return of(components.get(name), deeper, required);
        }
        if (schema.getExample() != null) {
            return schema.getExample();
        }
        if (schema.getExamples() != null && !schema.getExamples().isEmpty()) {
            return schema.getExamples().get(0);
        }
        if (schema.getAllOf() != null && !schema.getAllOf().isEmpty()) {
            return of(schema.getAllOf().get(0), seen, required);
        }
        if (schema.getEnumeration() != null && !schema.getEnumeration().isEmpty()) {
            return schema.getEnumeration().get(0);
        }
        List<Schema.SchemaType> types = schema.getType() == null ? List.of() : schema.getType();
        if (types.contains(Schema.SchemaType.OBJECT) || schema.getProperties() != null) {
            Map<String, Object> object = new LinkedHashMap<>();
            List<String> requiredNames = schema.getRequired() == null ? List.of() : schema.getRequired();
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) -> {
                    boolean needed = requiredNames.contains(name);
                    Object value = of(property, seen, needed);
                    if (value != null && (needed || hasExample(property, seen))) {
                        object.put(name, value);
                    }
                });
            }
            return object;
        }
        if (types.contains(Schema.SchemaType.ARRAY)) {
            Object item = of(schema.getItems(), seen, true);
            List<Object> list = new ArrayList<>();
            if (item != null && (required || hasExample(schema.getItems(), seen))) {
                list.add(item);
            }
            return list;
        }
        if (!required) {
            return null;
        }
        String format = schema.getFormat() == null ? "" : schema.getFormat();
        if (types.contains(Schema.SchemaType.STRING)) {
            return switch (format) {
                case "uuid" -> "3f2c8a61-5b0e-4c1d-9a7e-2d4b6c8e0f12";
                case "date" -> "2026-03-01";
                case "date-time" -> "2026-03-01T09:00:00Z";
                default -> "Text";
            };
        }
        if (types.contains(Schema.SchemaType.INTEGER)) {
            return schema.getMinimum() == null ? 1 : schema.getMinimum().intValue();
        }
        if (types.contains(Schema.SchemaType.NUMBER)) {
            return schema.getMinimum() == null ? 1 : schema.getMinimum();
        }
        if (types.contains(Schema.SchemaType.BOOLEAN)) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** Whether the schema, or one it refers to, carries an example of its own. */
    private boolean hasExample(Schema schema, Set<String> seen) {
        if (schema == null) {
            return false;
        }
        if (schema.getExample() != null
                || (schema.getExamples() != null && !schema.getExamples().isEmpty())) {
            return true;
        }
        if (schema.getRef() != null) {
            String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
            return !seen.contains(name)
                    && components.get(name) != null
                    && components.get(name).getProperties() != null
                    && components.get(name).getProperties().values().stream()
                            .anyMatch(p -> hasExample(p, Set.of(name)));
        }
        if (schema.getItems() != null) {
            return hasExample(schema.getItems(), seen);
        }
        return schema.getProperties() != null
                && schema.getProperties().values().stream().anyMatch(p -> hasExample(p, seen));
    }
}
