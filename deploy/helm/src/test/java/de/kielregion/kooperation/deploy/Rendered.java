package de.kielregion.kooperation.deploy;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.marcnuri.helm.Helm;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The chart as Helm renders it for one values file, each document parsed strictly into its model:
 * the fabric8 Kubernetes model for core kinds, Strimzi's api model for Kafka kinds (a field the
 * model does not know fails: the models keep unknown fields aside, this walks every object for
 * them). Custom resources without a Java model (CloudNativePG, Keycloak) stay JSON for the
 * field-by-field checks of {@link OperatorResources}.
 */
final class Rendered {

    static final Path CHART = Path.of("ostsee-kooperation").toAbsolutePath();
    static final String RELEASE = "ostsee";

    private static final ObjectMapper YAML = new YAMLMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY, true);

    /** Kind → the model a document of that kind must parse into. */
    static final Map<String, Class<? extends HasMetadata>> MODELS = Map.ofEntries(
            Map.entry("Deployment", Deployment.class),
            Map.entry("Service", Service.class),
            Map.entry("Secret", Secret.class),
            Map.entry("PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("NetworkPolicy", NetworkPolicy.class),
            Map.entry("Ingress", Ingress.class),
            Map.entry("ServiceMonitor", ServiceMonitor.class),
            Map.entry("PodMonitor", PodMonitor.class),
            Map.entry("PrometheusRule", PrometheusRule.class),
            Map.entry("Kafka", Kafka.class),
            Map.entry("KafkaNodePool", KafkaNodePool.class),
            Map.entry("KafkaTopic", KafkaTopic.class),
            Map.entry("KafkaUser", KafkaUser.class));

    final String values;
    final List<JsonNode> documents = new ArrayList<>();
    final List<HasMetadata> typed = new ArrayList<>();

    private Rendered(String values, String manifest) {
        this.values = values;
        try {
            for (JsonNode doc : YAML.readerFor(JsonNode.class)
                    .<JsonNode>readValues(manifest)
                    .readAll()) {
                if (doc != null && !doc.isNull() && !doc.isEmpty()) {
                    documents.add(doc);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the rendered chart (" + values + ") is not YAML", e);
        }
        for (JsonNode doc : documents) {
            Class<? extends HasMetadata> model = MODELS.get(doc.path("kind").asText());
            if (model != null) {
                typed.add(parse(doc, model));
            }
        }
    }

    /** Renders the chart with the given values files (none: values.yaml alone), as `helm template` does. */
    static Rendered with(String... valuesFiles) {
        var template = new Helm(CHART)
                .template()
                .withName(RELEASE)
                .withNamespace(RELEASE)
                .withKubeVersion("1.31.0");
        for (String file : valuesFiles) {
            template = template.withValuesFile(CHART.resolve(file));
        }
        return new Rendered(valuesFiles.length == 0 ? "values.yaml" : String.join(", ", valuesFiles), template.call());
    }

    /** A model object as a JSON tree. */
    static JsonNode tree(Object model) {
        return YAML.valueToTree(model);
    }

    /** A part of a document (e.g. a peer of a custom resource) as the Kubernetes model's type. */
    static <T> T convert(JsonNode node, Class<T> type) {
        try {
            return YAML.treeToValue(node, type);
        } catch (IOException e) {
            throw new AssertionError(node + " is no " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    static <T extends HasMetadata> T parse(JsonNode doc, Class<T> model) {
        String expected = newestVersion(model);
        String name = doc.path("kind").asText() + "/"
                + doc.path("metadata").path("name").asText();
        if (!expected.equals(doc.path("apiVersion").asText())) {
            throw new AssertionError(
                    name + ": apiVersion " + doc.path("apiVersion").asText() + ", the model is " + expected);
        }
        T parsed;
        try {
            parsed = YAML.treeToValue(doc, model);
        } catch (IOException e) {
            throw new AssertionError(name + " does not parse into " + model.getName() + ": " + e.getMessage(), e);
        }
        List<String> unknown = new ArrayList<>();
        unknownFields(parsed, name, unknown);
        if (!unknown.isEmpty()) {
            throw new AssertionError(name + " has fields its schema does not know: " + unknown);
        }
        return parsed;
    }

    /**
     * The apiVersion a document must have: for Strimzi's kinds the newest their CRDs serve (its
     * models name them all, oldest deprecated), for the others the model's own.
     */
    static String newestVersion(Class<? extends HasMetadata> model) {
        try {
            List<?> versions = (List<?>) model.getField("VERSIONS").get(null);
            return HasMetadata.getGroup(model) + "/" + versions.get(0);
        } catch (NoSuchFieldException e) {
            return HasMetadata.getApiVersion(model);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Walks a model object for fields the model kept aside as unknown ({@code additionalProperties}). */
    private static void unknownFields(Object o, String path, List<String> unknown) {
        if (o == null || o instanceof String || o instanceof Number || o instanceof Boolean || o instanceof Enum<?>) {
            return;
        }
        if (o instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, unknown));
            return;
        }
        if (o instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "[" + i++ + "]", unknown);
            }
            return;
        }
        String pkg = o.getClass().getPackageName();
        if (!pkg.startsWith("io.fabric8") && !pkg.startsWith("io.strimzi")) {
            return;
        }
        for (Class<?> c = o.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    continue;
                }
                f.setAccessible(true);
                Object value;
                try {
                    value = f.get(o);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
                if (f.getName().equals("additionalProperties")) {
                    if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                        unknown.add(path + ": " + extra.keySet());
                    }
                } else {
                    unknownFields(value, path + "." + f.getName(), unknown);
                }
            }
        }
    }

    <T extends HasMetadata> List<T> all(Class<T> model) {
        return typed.stream().filter(model::isInstance).map(model::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> model, Predicate<T> which, String what) {
        List<T> found = all(model).stream().filter(which).toList();
        if (found.size() != 1) {
            throw new AssertionError(
                    "expected one " + model.getSimpleName() + " " + what + " (" + values + "), found " + found.size());
        }
        return found.get(0);
    }

    <T extends HasMetadata> T named(Class<T> model, String name) {
        return one(model, r -> r.getMetadata().getName().equals(name), name);
    }

    List<JsonNode> kind(String apiVersion, String kind) {
        return documents.stream()
                .filter(d -> d.path("kind").asText().equals(kind)
                        && d.path("apiVersion").asText().equals(apiVersion))
                .toList();
    }

    /** The chart's values merged as Helm merges them (later files win, maps deep, lists replaced). */
    static JsonNode values(String... files) {
        try {
            ObjectNode merged =
                    (ObjectNode) YAML.readTree(CHART.resolve("values.yaml").toFile());
            for (String file : files) {
                merge(merged, (ObjectNode) YAML.readTree(CHART.resolve(file).toFile()));
            }
            return merged;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void merge(ObjectNode into, ObjectNode from) {
        from.fields().forEachRemaining(e -> {
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode target && e.getValue() instanceof ObjectNode source) {
                merge(target, source);
            } else {
                into.set(e.getKey(), e.getValue());
            }
        });
    }

    static String yaml(JsonNode node) {
        try {
            return new YAMLMapper().writeValueAsString(node);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
