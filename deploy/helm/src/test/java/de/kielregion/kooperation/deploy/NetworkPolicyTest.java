package de.kielregion.kooperation.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import de.kielregion.kooperation.deploy.NetworkPolicies.Placed;
import de.kielregion.kooperation.deploy.NetworkPolicies.Pod;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeerBuilder;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every connection the suite needs, and the ones it must not have, evaluated against the policies
 * that will be in force: the chart's NetworkPolicies as Helm rendered them, plus the ones the
 * operators make from the custom resources (the Keycloak operator's from {@code
 * spec.networkPolicy}, on by default; Strimzi's from the listener's {@code networkPolicyPeers}).
 * The pods carry the labels their makers really set: the chart's Deployments as rendered, the
 * operators' pods as their sources label them (Keycloak operator 26.5: server pods {@code
 * app=keycloak}, the realm import Job's pod {@code app=keycloak-realm-import}; CloudNativePG 1.27
 * instances and jobs; Strimzi 0.49 brokers).
 */
class NetworkPolicyTest {

    private static final String NS = Rendered.RELEASE;
    private static final String KC = "ostsee-keycloak";

    private static final Pod INGRESS = pod(
            "ingress controller",
            "ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx", "app.kubernetes.io/component", "controller"),
            Map.of());
    private static final Pod PROMETHEUS =
            pod("Prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"), Map.of());
    private static final Pod COLLECTOR = pod(
            "OpenTelemetry collector",
            "monitoring",
            Map.of("app.kubernetes.io/name", "otel-collector"),
            Map.of("otlp-http", 4318));
    private static final Pod DNS = pod("cluster DNS", "kube-system", Map.of("k8s-app", "kube-dns"), Map.of("dns", 53));
    private static final Pod CNPG_OPERATOR =
            pod("CloudNativePG operator", "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"), Map.of());
    private static final Pod KEYCLOAK = pod(
            "Keycloak",
            NS,
            Map.of(
                    "app", "keycloak",
                    "app.kubernetes.io/managed-by", "keycloak-operator",
                    "app.kubernetes.io/instance", KC,
                    "app.kubernetes.io/component", "server"),
            Map.of("http", 8080, "management", 9000, "jgroups", 7800, "jgroups-fd", 57800));
    private static final Pod REALM_IMPORT = pod(
            "realm import Job",
            NS,
            Map.of(
                    "app", "keycloak-realm-import",
                    "app.kubernetes.io/managed-by", "keycloak-operator",
                    "app.kubernetes.io/instance", KC,
                    "app.kubernetes.io/component", "server",
                    "batch.kubernetes.io/job-name", KC + "-ostsee"),
            Map.of());
    private static final Pod POSTGRES = pod(
            "PostgreSQL primary",
            NS,
            Map.of(
                    "cnpg.io/cluster", "ostsee-postgres",
                    "cnpg.io/instanceName", "ostsee-postgres-1",
                    "cnpg.io/podRole", "instance",
                    "cnpg.io/instanceRole", "primary",
                    "role", "primary"),
            Map.of("postgresql", 5432, "status", 8000, "metrics", 9187));
    private static final Pod POSTGRES_REPLICA = pod(
            "PostgreSQL replica",
            NS,
            Map.of(
                    "cnpg.io/cluster", "ostsee-postgres",
                    "cnpg.io/instanceName", "ostsee-postgres-2",
                    "cnpg.io/podRole", "instance",
                    "cnpg.io/instanceRole", "replica",
                    "role", "replica"),
            Map.of("postgresql", 5432));
    private static final Pod POSTGRES_JOIN = pod(
            "PostgreSQL join Job",
            NS,
            Map.of(
                    "cnpg.io/cluster", "ostsee-postgres",
                    "cnpg.io/instanceName", "ostsee-postgres-3",
                    "cnpg.io/jobRole", "join"),
            Map.of());
    private static final Pod BROKER = pod(
            "Kafka broker",
            NS,
            Map.of(
                    "strimzi.io/cluster", "ostsee-kafka",
                    "strimzi.io/kind", "Kafka",
                    "strimzi.io/name", "ostsee-kafka-kafka",
                    "strimzi.io/component-type", "kafka",
                    "strimzi.io/pool-name", "ostsee-kafka-broker",
                    "strimzi.io/broker-role", "true",
                    "app.kubernetes.io/name", "kafka",
                    "app.kubernetes.io/instance", "ostsee-kafka"),
            Map.of("tls", 9093));
    private static final Pod NEIGHBOUR =
            pod("a pod of the namespace (kubectl run debug)", NS, Map.of("run", "debug"), Map.of());
    private static final Pod STRANGER = pod("a pod of another namespace", "other", Map.of("app", "x"), Map.of());

    private record Connection(Pod from, Pod to, String port, String protocol) {
        @Override
        public String toString() {
            return from + " → " + to + ":" + port + "/" + protocol;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-production.yaml"})
    void everyConnectionTheSuiteNeedsIsAllowedAndNoOtherOne(String values) {
        Rendered chart = values.equals("values.yaml") ? Rendered.with() : Rendered.with(values);
        NetworkPolicies policies = new NetworkPolicies(inForce(chart));
        Map<String, Pod> components = components(chart);
        Pod portal = components.get("portal");

        List<Connection> needed = new ArrayList<>();
        List<Connection> refused = new ArrayList<>();
        for (var c : components.entrySet()) {
            Pod pod = c.getValue();
            needed.add(new Connection(INGRESS, pod, "http", "TCP"));
            needed.add(new Connection(PROMETHEUS, pod, "management", "TCP"));
            needed.add(new Connection(pod, BROKER, "tls", "TCP"));
            needed.add(new Connection(pod, KEYCLOAK, "http", "TCP"));
            needed.add(new Connection(pod, DNS, "dns", "UDP"));
            needed.add(new Connection(pod, DNS, "dns", "TCP"));
            needed.add(new Connection(pod, COLLECTOR, "otlp-http", "TCP"));
            refused.add(new Connection(INGRESS, pod, "management", "TCP"));
            refused.add(new Connection(NEIGHBOUR, pod, "http", "TCP"));
            refused.add(new Connection(STRANGER, pod, "http", "TCP"));
            refused.add(new Connection(STRANGER, pod, "management", "TCP"));
            if (!c.getKey().equals("portal")) {
                needed.add(new Connection(portal, pod, "http", "TCP"));
                needed.add(new Connection(pod, POSTGRES, "postgresql", "TCP"));
                refused.add(new Connection(pod, KEYCLOAK, "management", "TCP"));
                for (var other : components.entrySet()) {
                    if (!other.getKey().equals("portal") && !other.getKey().equals(c.getKey())) {
                        refused.add(new Connection(pod, other.getValue(), "http", "TCP"));
                    }
                }
            }
        }
        needed.add(new Connection(INGRESS, KEYCLOAK, "http", "TCP"));
        needed.add(new Connection(PROMETHEUS, KEYCLOAK, "management", "TCP"));
        needed.add(new Connection(KEYCLOAK, KEYCLOAK, "jgroups", "TCP"));
        needed.add(new Connection(KEYCLOAK, KEYCLOAK, "jgroups-fd", "TCP"));
        needed.add(new Connection(KEYCLOAK, POSTGRES, "postgresql", "TCP"));
        needed.add(new Connection(REALM_IMPORT, POSTGRES, "postgresql", "TCP"));
        needed.add(new Connection(CNPG_OPERATOR, POSTGRES, "status", "TCP"));
        needed.add(new Connection(CNPG_OPERATOR, POSTGRES, "postgresql", "TCP"));
        needed.add(new Connection(POSTGRES_REPLICA, POSTGRES, "postgresql", "TCP"));
        needed.add(new Connection(POSTGRES_JOIN, POSTGRES, "postgresql", "TCP"));
        needed.add(new Connection(PROMETHEUS, POSTGRES, "metrics", "TCP"));

        refused.add(new Connection(portal, POSTGRES, "postgresql", "TCP"));
        refused.add(new Connection(portal, KEYCLOAK, "management", "TCP"));
        refused.add(new Connection(NEIGHBOUR, POSTGRES, "postgresql", "TCP"));
        refused.add(new Connection(STRANGER, POSTGRES, "postgresql", "TCP"));
        refused.add(new Connection(PROMETHEUS, POSTGRES, "postgresql", "TCP"));
        refused.add(new Connection(NEIGHBOUR, KEYCLOAK, "http", "TCP"));
        refused.add(new Connection(NEIGHBOUR, KEYCLOAK, "management", "TCP"));
        refused.add(new Connection(STRANGER, KEYCLOAK, "http", "TCP"));
        refused.add(new Connection(STRANGER, KEYCLOAK, "management", "TCP"));
        refused.add(new Connection(INGRESS, KEYCLOAK, "management", "TCP"));
        refused.add(new Connection(INGRESS, KEYCLOAK, "jgroups", "TCP"));
        refused.add(new Connection(NEIGHBOUR, KEYCLOAK, "jgroups", "TCP"));
        refused.add(new Connection(REALM_IMPORT, KEYCLOAK, "jgroups", "TCP"));
        refused.add(new Connection(NEIGHBOUR, BROKER, "tls", "TCP"));
        refused.add(new Connection(STRANGER, BROKER, "tls", "TCP"));
        refused.add(new Connection(KEYCLOAK, BROKER, "tls", "TCP"));

        List<String> problems = new ArrayList<>();
        for (Connection c : needed) {
            if (!policies.allows(c.from(), c.to(), c.port(), c.protocol())) {
                problems.add("needed but refused: " + c + " ("
                        + policies.explain(c.from(), c.to(), c.port(), c.protocol()) + ")");
            }
        }
        for (Connection c : refused) {
            if (policies.allows(c.from(), c.to(), c.port(), c.protocol())) {
                problems.add("must be refused but allowed: " + c);
            }
        }
        assertEquals(List.of(), problems, values);
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-production.yaml"})
    void keycloaksPolicyIsTheOperatorsOwnAndTheChartAddsNoneBesideIt(String values) {
        Rendered chart = values.equals("values.yaml") ? Rendered.with() : Rendered.with(values);
        for (NetworkPolicy p : chart.all(NetworkPolicy.class)) {
            assertFalse(
                    NetworkPolicies.matches(p.getSpec().getPodSelector(), KEYCLOAK.labels()),
                    p.getMetadata().getName() + " selects Keycloak's pods: policies add up, the operator's opens them"
                            + " to every pod unless spec.networkPolicy names the peers");
        }
        JsonNode keycloak = keycloak(chart);
        assertNotEquals(
                false,
                keycloak.path("spec").path("networkPolicy").path("enabled").asBoolean(true));
        assertFalse(keycloak.path("spec").path("networkPolicy").path("http").isEmpty(), "http peers named");
        assertFalse(
                keycloak.path("spec").path("networkPolicy").path("management").isEmpty(), "management peers named");
    }

    /** The chart's policies and the ones the operators make from its custom resources. */
    static List<Placed> inForce(Rendered chart) {
        List<Placed> all = new ArrayList<>();
        chart.all(NetworkPolicy.class).forEach(p -> all.add(new Placed(NS, p)));
        all.add(new Placed(NS, keycloakOperatorsPolicy(keycloak(chart))));
        all.add(new Placed(NS, strimzisPolicy(chart.one(Kafka.class, k -> true, "cluster"))));
        return all;
    }

    private static JsonNode keycloak(Rendered chart) {
        return chart.kind("k8s.keycloak.org/v2alpha1", "Keycloak").get(0);
    }

    /**
     * The policy the Keycloak operator (26.2+) makes for a Keycloak resource: enabled unless
     * {@code spec.networkPolicy.enabled} is false; port 8080 from the {@code http} peers, 9000
     * from the {@code management} peers (an empty list: from every pod), the cache ports only
     * from Keycloak's own pods.
     */
    static NetworkPolicy keycloakOperatorsPolicy(JsonNode keycloak) {
        JsonNode spec = keycloak.path("spec").path("networkPolicy");
        LabelSelector own = new LabelSelector(
                null,
                Map.of(
                        "app", "keycloak",
                        "app.kubernetes.io/managed-by", "keycloak-operator",
                        "app.kubernetes.io/instance",
                                keycloak.path("metadata").path("name").asText()));
        if (!spec.path("enabled").asBoolean(true)) {
            return new NetworkPolicyBuilder()
                    .withNewMetadata()
                    .withName("disabled")
                    .endMetadata()
                    .withNewSpec()
                    .withNewPodSelector()
                    .addToMatchLabels("nothing", "selected")
                    .endPodSelector()
                    .endSpec()
                    .build();
        }
        List<NetworkPolicyIngressRule> rules = new ArrayList<>();
        rules.add(rule(8080, peers(spec.path("http"))));
        rules.add(rule(9000, peers(spec.path("management"))));
        NetworkPolicyPeer keycloakPods =
                new NetworkPolicyPeerBuilder().withPodSelector(own).build();
        rules.add(rule(7800, List.of(keycloakPods)));
        rules.add(rule(57800, List.of(keycloakPods)));
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(keycloak.path("metadata").path("name").asText() + "-network-policy")
                .endMetadata()
                .withNewSpec()
                .withPodSelector(own)
                .withPolicyTypes("Ingress")
                .withIngress(rules)
                .endSpec()
                .build();
    }

    /** Strimzi's policy for the brokers: the listener's port from its peers, replication among the brokers. */
    static NetworkPolicy strimzisPolicy(Kafka kafka) {
        String name = kafka.getMetadata().getName();
        LabelSelector brokers = new LabelSelector(
                null,
                Map.of("strimzi.io/cluster", name, "strimzi.io/kind", "Kafka", "strimzi.io/name", name + "-kafka"));
        List<NetworkPolicyIngressRule> rules = new ArrayList<>();
        kafka.getSpec().getKafka().getListeners().forEach(l -> rules.add(rule(l.getPort(), l.getNetworkPolicyPeers())));
        NetworkPolicyPeer brokerPods =
                new NetworkPolicyPeerBuilder().withPodSelector(brokers).build();
        rules.add(rule(9090, List.of(brokerPods)));
        rules.add(rule(9091, List.of(brokerPods)));
        return new NetworkPolicyBuilder()
                .withNewMetadata()
                .withName(name + "-network-policy-kafka")
                .endMetadata()
                .withNewSpec()
                .withPodSelector(brokers)
                .withPolicyTypes("Ingress")
                .withIngress(rules)
                .endSpec()
                .build();
    }

    private static NetworkPolicyIngressRule rule(int port, List<NetworkPolicyPeer> from) {
        return new NetworkPolicyIngressRuleBuilder()
                .addNewPort()
                .withNewPort(port)
                .withProtocol("TCP")
                .endPort()
                .withFrom(from == null ? List.of() : from)
                .build();
    }

    private static List<NetworkPolicyPeer> peers(JsonNode list) {
        List<NetworkPolicyPeer> peers = new ArrayList<>();
        for (JsonNode peer : list) {
            peers.add(Rendered.convert(peer, NetworkPolicyPeer.class));
        }
        return peers;
    }

    /**
     * Only webhooks-service reaches out of the cluster (the IT systems' receivers): HTTPS to any
     * address but the private, link-local (cloud metadata) and loopback ranges; no other
     * component has a rule to outside addresses.
     */
    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", "values-production.yaml"})
    void onlyWebhooksReachOutAndOnlyToPublicHttps(String values) {
        Rendered chart = values.equals("values.yaml") ? Rendered.with() : Rendered.with(values);
        for (NetworkPolicy policy : chart.all(NetworkPolicy.class)) {
            boolean webhooks = policy.getMetadata().getName().equals(Rendered.RELEASE + "-webhooks");
            List<io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule> outside = policy.getSpec()
                                    .getEgress()
                            == null
                    ? List.of()
                    : policy.getSpec().getEgress().stream()
                            .filter(e -> e.getTo() != null
                                    && e.getTo().stream()
                                            .anyMatch(p -> p.getIpBlock() != null
                                                    && p.getIpBlock().getCidr().equals("0.0.0.0/0")))
                            .toList();
            if (!webhooks) {
                assertTrue(outside.isEmpty(), policy.getMetadata().getName() + " reaches outside");
                continue;
            }
            assertEquals(1, outside.size());
            var rule = outside.get(0);
            assertEquals(
                    List.of(443),
                    rule.getPorts().stream().map(p -> p.getPort().getIntVal()).toList());
            List<String> except = rule.getTo().get(0).getIpBlock().getExcept();
            for (String range :
                    List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16", "127.0.0.0/8")) {
                assertTrue(except.contains(range), range + " excepted");
            }
        }
    }

    /** The chart's components as their Deployments label their pods, with their container ports. */
    private static Map<String, Pod> components(Rendered chart) {
        Map<String, Pod> pods = new LinkedHashMap<>();
        for (Deployment d : chart.all(Deployment.class)) {
            var template = d.getSpec().getTemplate();
            Map<String, Integer> ports = new LinkedHashMap<>();
            template.getSpec()
                    .getContainers()
                    .get(0)
                    .getPorts()
                    .forEach(p -> ports.put(p.getName(), p.getContainerPort()));
            String name = template.getMetadata().getLabels().get("app.kubernetes.io/name");
            pods.put(name, pod(name, NS, template.getMetadata().getLabels(), ports));
        }
        assertEquals(
                List.of("memberships", "partners", "portal", "projects", "webhooks"),
                pods.keySet().stream().sorted().toList());
        return pods;
    }

    private static Pod pod(
            String description, String namespace, Map<String, String> labels, Map<String, Integer> ports) {
        return new Pod(description, namespace, labels, ports);
    }
}
