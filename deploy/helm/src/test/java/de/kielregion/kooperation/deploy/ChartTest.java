package de.kielregion.kooperation.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Helm chart without a cluster: Helm's own lint and template (helm-java bundles Helm's
 * library) with both values files; every document parsed strictly against its schema; and the
 * invariants an operator relies on, each asserted over what Helm rendered.
 */
class ChartTest {

    private static final String PRODUCTION = "values-production.yaml";
    private static final List<String> SERVICES = List.of("partners", "projects", "memberships", "webhooks");
    private static final List<String> COMPONENTS = List.of("partners", "projects", "memberships", "webhooks", "portal");

    private static Rendered render(String values) {
        return values.equals("values.yaml") ? Rendered.with() : Rendered.with(values);
    }

    @Test
    void helmLintIsCleanWithTheDefaultValues() {
        LintResult lint = new Helm(Rendered.CHART).lint().strict().call();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    }

    @Test
    void helmLintIsCleanWithTheProductionValues(@TempDir Path copy) throws IOException {
        // helm lint takes no values file: lint a copy whose values.yaml is both files merged as Helm merges them.
        try (Stream<Path> files = Files.walk(Rendered.CHART)) {
            for (Path source : files.toList()) {
                Path target = copy.resolve(Rendered.CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
        Files.writeString(copy.resolve("values.yaml"), Rendered.yaml(Rendered.values(PRODUCTION)));
        LintResult lint = new Helm(copy).lint().strict().call();
        assertFalse(lint.isFailed(), String.join("\n", lint.getMessages()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", PRODUCTION})
    void everyDocumentParsesStrictlyIntoItsSchema(String values) {
        Rendered chart = render(values);
        List<String> problems = new ArrayList<>();
        Set<String> kinds = new TreeSet<>();
        for (JsonNode doc : chart.documents) {
            String kind = doc.path("kind").asText();
            kinds.add(kind);
            if (!Rendered.MODELS.containsKey(kind)) {
                problems.addAll(OperatorResources.check(doc));
            }
        }
        assertEquals(List.of(), problems);
        // Parsing into the models happened in Rendered; these are all the kinds there are.
        assertEquals(
                new TreeSet<>(List.of(
                        "Cluster",
                        "Database",
                        "Deployment",
                        "Ingress",
                        "Kafka",
                        "KafkaNodePool",
                        "KafkaTopic",
                        "KafkaUser",
                        "Keycloak",
                        "KeycloakRealmImport",
                        "NetworkPolicy",
                        "PodDisruptionBudget",
                        "PodMonitor",
                        "PrometheusRule",
                        "Service",
                        "ServiceMonitor")),
                withoutOptional(kinds),
                values);
    }

    private static Set<String> withoutOptional(Set<String> kinds) {
        Set<String> rest = new TreeSet<>(kinds);
        rest.remove("HorizontalPodAutoscaler"); // production values
        rest.remove("ScheduledBackup"); // production values
        rest.remove("ObjectStore"); // production values
        return rest;
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", PRODUCTION})
    void everyDeploymentHasProbesLimitsAndRunsAsNonRootReadOnly(String values) {
        Rendered chart = render(values);
        List<Deployment> deployments = chart.all(Deployment.class);
        assertEquals(COMPONENTS.size(), deployments.size());
        for (Deployment d : deployments) {
            String name = d.getMetadata().getName();
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), name);
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), name + ": no API token in the pod");
            for (Container c : pod.getContainers()) {
                for (Probe probe : List.of(c.getLivenessProbe(), c.getReadinessProbe(), c.getStartupProbe())) {
                    assertNotNull(probe, name + ": liveness, readiness and startup probes");
                    assertEquals(
                            "management",
                            probe.getHttpGet().getPort().getStrVal(),
                            name + ": probes on the management port");
                }
                assertTrue(c.getReadinessProbe().getHttpGet().getPath().endsWith("/health/ready"), name);
                for (String resource : List.of("cpu", "memory")) {
                    assertNotNull(c.getResources().getLimits().get(resource), name + ": limit " + resource);
                    assertNotNull(c.getResources().getRequests().get(resource), name + ": request " + resource);
                }
                var security = c.getSecurityContext();
                assertEquals(Boolean.TRUE, security.getRunAsNonRoot(), name);
                assertEquals(Boolean.TRUE, security.getReadOnlyRootFilesystem(), name);
                assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation(), name);
                assertEquals(List.of("ALL"), security.getCapabilities().getDrop(), name);
                assertTrue(
                        c.getVolumeMounts().stream()
                                .anyMatch(m -> m.getMountPath().equals("/tmp")),
                        name + ": a writable /tmp beside the read-only root");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", PRODUCTION})
    void everyComponentHasItsServiceBudgetPolicyAndMonitor(String values) {
        Rendered chart = render(values);
        for (String component : COMPONENTS) {
            String name = Rendered.RELEASE + "-" + component;
            Service service = chart.named(Service.class, name);
            assertTrue(service.getSpec().getPorts().stream()
                    .anyMatch(p -> p.getName().equals("management")));
            chart.named(PodDisruptionBudget.class, name);
            chart.named(NetworkPolicy.class, name);
            ServiceMonitor monitor = chart.named(ServiceMonitor.class, name);
            assertEquals("management", monitor.getSpec().getEndpoints().get(0).getPort());
            assertEquals("/q/metrics", monitor.getSpec().getEndpoints().get(0).getPath());
        }
    }

    @Test
    void productionScalesAndSurvivesANode() {
        Rendered chart = Rendered.with(PRODUCTION);
        for (String component : COMPONENTS) {
            String name = Rendered.RELEASE + "-" + component;
            HorizontalPodAutoscaler hpa = chart.named(HorizontalPodAutoscaler.class, name);
            assertTrue(hpa.getSpec().getMinReplicas() >= 2, name + ": at least two replicas");
            PodDisruptionBudget pdb = chart.named(PodDisruptionBudget.class, name);
            assertEquals(1, pdb.getSpec().getMinAvailable().getIntVal(), name + ": one stays during a drain");
        }
        KafkaNodePool brokers = chart.named(KafkaNodePool.class, "ostsee-kafka-broker");
        KafkaNodePool controllers = chart.named(KafkaNodePool.class, "ostsee-kafka-controller");
        assertEquals(3, brokers.getSpec().getReplicas());
        assertEquals(List.of(ProcessRoles.BROKER), brokers.getSpec().getRoles());
        assertEquals(3, controllers.getSpec().getReplicas(), "a quorum of three survives a lost voter");
        assertEquals(List.of(ProcessRoles.CONTROLLER), controllers.getSpec().getRoles());
        assertEquals(
                3,
                chart.kind("postgresql.cnpg.io/v1", "Cluster")
                        .get(0)
                        .path("spec")
                        .path("instances")
                        .asInt());
        assertEquals(
                3,
                chart.kind("k8s.keycloak.org/v2alpha1", "Keycloak")
                        .get(0)
                        .path("spec")
                        .path("instances")
                        .asInt());
        assertEquals(1, chart.kind("postgresql.cnpg.io/v1", "ScheduledBackup").size(), "daily backups");
    }

    @Test
    void everyTopicHasThreeReplicasAndTwoInSyncInProduction() {
        Rendered chart = Rendered.with(PRODUCTION);
        List<KafkaTopic> topics = chart.all(KafkaTopic.class);
        assertEquals(7, topics.size(), "three topics and four dead-letter topics (webhooks-service has one)");
        for (KafkaTopic t : topics) {
            assertEquals(3, t.getSpec().getReplicas(), t.getSpec().getTopicName());
            assertEquals(2, ((Number) t.getSpec().getConfig().get("min.insync.replicas")).intValue());
        }
        Map<String, Object> broker = chart.one(Kafka.class, k -> true, "cluster")
                .getSpec()
                .getKafka()
                .getConfig();
        assertEquals(3, ((Number) broker.get("default.replication.factor")).intValue());
        assertEquals(false, broker.get("auto.create.topics.enable"));
    }

    @Test
    void theSmallInstallationsTopicsFitItsBrokers() {
        Rendered chart = Rendered.with();
        KafkaNodePool pool = chart.one(KafkaNodePool.class, p -> true, "node pool");
        assertEquals(
                List.of(ProcessRoles.CONTROLLER, ProcessRoles.BROKER),
                pool.getSpec().getRoles());
        int brokers = pool.getSpec().getReplicas();
        for (KafkaTopic t : chart.all(KafkaTopic.class)) {
            assertTrue(t.getSpec().getReplicas() <= brokers, t.getSpec().getTopicName());
            assertTrue(((Number) t.getSpec().getConfig().get("min.insync.replicas")).intValue()
                    <= t.getSpec().getReplicas());
        }
    }

    /**
     * What each component publishes and reads, from its own application.properties: each
     * KafkaUser may write exactly its own topic and dead-letter topic, read exactly what the
     * component consumes, and join only its consumer group; every such topic exists.
     */
    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", PRODUCTION})
    void eachKafkaUserWritesOnlyItsTopicsAndReadsOnlyWhatItConsumes(String values) throws IOException {
        Rendered chart = render(values);
        Set<String> topics = new TreeSet<>();
        chart.all(KafkaTopic.class).forEach(t -> topics.add(t.getSpec().getTopicName()));
        for (String component : COMPONENTS) {
            ServiceConfig config = ServiceConfig.of(component);
            KafkaUser user = chart.named(KafkaUser.class, Rendered.RELEASE + "-" + component);
            List<AclRule> acls = ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls();
            assertEquals(config.writes(), topicsWith(acls, AclOperation.WRITE), component + " writes");
            assertEquals(config.reads(), topicsWith(acls, AclOperation.READ), component + " reads");
            List<AclRuleGroupResource> groups = acls.stream()
                    .map(AclRule::getResource)
                    .filter(AclRuleGroupResource.class::isInstance)
                    .map(AclRuleGroupResource.class::cast)
                    .toList();
            assertEquals(1, groups.size(), component + ": one consumer group");
            assertEquals(config.group(), groups.get(0).getName(), component);
            assertEquals(
                    config.groupIsPrefix() ? AclResourcePatternType.PREFIX : AclResourcePatternType.LITERAL,
                    groups.get(0).getPatternType());
            assertTrue(topics.containsAll(config.writes()), component + ": its topics exist");
            assertTrue(topics.containsAll(config.reads()), component + ": what it reads exists");
        }
    }

    private static Set<String> topicsWith(List<AclRule> acls, AclOperation operation) {
        Set<String> found = new TreeSet<>();
        for (AclRule rule : acls) {
            if (rule.getResource() instanceof AclRuleTopicResource topic
                    && rule.getOperations().contains(operation)) {
                assertEquals(AclResourcePatternType.LITERAL, topic.getPatternType(), "topic ACLs name one topic");
                found.add(topic.getName());
            }
        }
        return found;
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", PRODUCTION})
    void theDatabaseIsReachableOnlyFromItsServicesAndEachDatabaseOnlyByItsOwner(String values) {
        Rendered chart = render(values);
        NetworkPolicy db = chart.named(NetworkPolicy.class, Rendered.RELEASE + "-postgres");
        assertEquals(
                "ostsee-postgres",
                db.getSpec().getPodSelector().getMatchLabels().get("cnpg.io/cluster"));
        Set<String> allowedApps = new TreeSet<>();
        for (var rule : db.getSpec().getIngress()) {
            for (NetworkPolicyPeer peer : rule.getFrom()) {
                if (peer.getNamespaceSelector() != null) {
                    String namespace =
                            peer.getNamespaceSelector().getMatchLabels().get("kubernetes.io/metadata.name");
                    Set<Integer> ports = new TreeSet<>();
                    rule.getPorts().forEach(p -> ports.add(p.getPort().getIntVal()));
                    if (namespace.equals("monitoring")) {
                        assertEquals(Set.of(9187), ports, "Prometheus reaches only the exporter");
                    } else {
                        assertEquals("cnpg-system", namespace, "from other namespaces only the operator's");
                    }
                    continue;
                }
                Map<String, String> labels = peer.getPodSelector().getMatchLabels();
                allowedApps.add(labels.getOrDefault(
                        "app.kubernetes.io/name", labels.getOrDefault("app", labels.get("cnpg.io/cluster"))));
            }
        }
        assertEquals(
                new TreeSet<>(List.of(
                        "partners",
                        "projects",
                        "memberships",
                        "webhooks",
                        "keycloak",
                        "keycloak-realm-import",
                        "ostsee-postgres")),
                allowedApps);
        // The portal (no database) has no way there.
        NetworkPolicy portal = chart.named(NetworkPolicy.class, Rendered.RELEASE + "-portal");
        assertTrue(portal.getSpec().getEgress().stream()
                .flatMap(e -> e.getTo().stream())
                .noneMatch(p -> p.getPodSelector() != null
                        && p.getPodSelector().getMatchLabels().containsKey("cnpg.io/cluster")));
        // Each database only by its owner.
        JsonNode cluster = chart.kind("postgresql.cnpg.io/v1", "Cluster").get(0);
        List<String> hba = new ArrayList<>();
        cluster.path("spec").path("postgresql").path("pg_hba").forEach(l -> hba.add(l.asText()));
        for (String database : List.of("partners", "projects", "memberships", "webhooks", "keycloak")) {
            int owner = hba.indexOf("hostssl " + database + " " + database + " all scram-sha-256");
            int others = hba.indexOf("host " + database + " all all reject");
            assertTrue(owner >= 0 && others > owner, database + ": " + hba);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", PRODUCTION})
    void theServicesAcceptRequestsOnlyFromTheIngressControllerAndThePortal(String values) {
        Rendered chart = render(values);
        for (String service : SERVICES) {
            NetworkPolicy policy = chart.named(NetworkPolicy.class, Rendered.RELEASE + "-" + service);
            assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
            var http = policy.getSpec().getIngress().stream()
                    .filter(r -> r.getPorts().get(0).getPort().getStrVal().equals("http"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(2, http.getFrom().size(), service);
            assertEquals(
                    "ingress-nginx",
                    http.getFrom()
                            .get(0)
                            .getNamespaceSelector()
                            .getMatchLabels()
                            .get("kubernetes.io/metadata.name"));
            assertEquals(
                    "portal",
                    http.getFrom().get(1).getPodSelector().getMatchLabels().get("app.kubernetes.io/name"));
            var management = policy.getSpec().getIngress().stream()
                    .filter(r -> r.getPorts().get(0).getPort().getStrVal().equals("management"))
                    .findFirst()
                    .orElseThrow();
            assertEquals(
                    "monitoring",
                    management
                            .getFrom()
                            .get(0)
                            .getNamespaceSelector()
                            .getMatchLabels()
                            .get("kubernetes.io/metadata.name"),
                    "metrics and health only for Prometheus");
        }
        Kafka kafka = chart.one(Kafka.class, k -> true, "cluster");
        var listener = kafka.getSpec().getKafka().getListeners().get(0);
        assertTrue(listener.isTls());
        Set<String> peers = new TreeSet<>(COMPONENTS);
        peers.add("ostsee-tooling");
        assertEquals(
                peers,
                new TreeSet<>(listener.getNetworkPolicyPeers().stream()
                        .map(p -> p.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                        .toList()),
                "only the suite's pods (and the operators' tooling pod) reach the brokers");
    }

    @Test
    void everyComponentKeepsTheShareOfTracesTheValuesName(@TempDir Path dir) throws IOException {
        Map<String, String> all = samplerArgs(Rendered.with(PRODUCTION));
        assertEquals(COMPONENTS.size(), all.size(), all.toString());
        assertEquals(Set.of("1"), Set.copyOf(all.values()), "every trace by default");
        Path tenth = dir.resolve("tenth.yaml");
        Files.writeString(tenth, "observability:\n  traceSampleRatio: 0.1\n");
        Map<String, String> sampled = samplerArgs(Rendered.with(PRODUCTION, tenth.toString()));
        assertEquals(all.keySet(), sampled.keySet());
        assertEquals(Set.of("0.1"), Set.copyOf(sampled.values()));
    }

    /** Each Deployment's OTEL_TRACES_SAMPLER_ARG by the Deployment's name (a second one would show). */
    private static Map<String, String> samplerArgs(Rendered chart) {
        Map<String, String> args = new TreeMap<>();
        for (Deployment d : chart.all(Deployment.class)) {
            d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                    .filter(e -> e.getName().equals("OTEL_TRACES_SAMPLER_ARG"))
                    .forEach(e -> args.merge(d.getMetadata().getName(), e.getValue(), (x, y) -> x + "," + y));
        }
        return args;
    }

    @Test
    void productionRunsWithTracesJsonLogsAndSecretsFromSecrets() {
        Rendered chart = Rendered.with(PRODUCTION);
        for (Deployment d : chart.all(Deployment.class)) {
            var env = d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
            Map<String, String> plain = new java.util.HashMap<>();
            env.stream().filter(e -> e.getValue() != null).forEach(e -> plain.put(e.getName(), e.getValue()));
            assertEquals(
                    "false", plain.get("OTEL_SDK_DISABLED"), d.getMetadata().getName());
            assertEquals("true", plain.get("LOG_JSON"), d.getMetadata().getName());
            assertEquals("SASL_SSL", plain.get("KAFKA_SECURITY_PROTOCOL"));
            env.stream()
                    .filter(e -> e.getName().contains("PASSWORD")
                            || e.getName().contains("SECRET")
                            || e.getName().contains("JAAS"))
                    .forEach(e -> assertNotNull(
                            e.getValueFrom().getSecretKeyRef(),
                            d.getMetadata().getName() + " " + e.getName() + " from a Secret"));
        }
        // No secret is in the manifests (they are created beforehand), and no demo value either.
        assertEquals(List.of(), chart.kind("v1", "Secret"));
        String all = chart.documents.stream().map(Rendered::yaml).reduce("", String::concat);
        assertFalse(all.contains("demo-secret"), "no demo secret in the production manifests");
        assertFalse(all.contains("demo-"), "nothing of the demo in the production manifests");
    }

    /** What a component's application.properties says it writes, reads and which group it joins. */
    record ServiceConfig(Set<String> writes, Set<String> reads, String group, boolean groupIsPrefix) {

        static ServiceConfig of(String component) throws IOException {
            Path file = Path.of("..", "..", component.equals("portal") ? "portal" : component + "-service")
                    .resolve("src/main/resources/application.properties");
            java.util.Properties p = new java.util.Properties();
            try (var in = Files.newInputStream(file)) {
                p.load(in);
            }
            Set<String> writes = new TreeSet<>();
            Set<String> reads = new TreeSet<>();
            Set<String> groups = new TreeSet<>();
            // A service whose relay is off (webhooks-service publishes nothing) writes no topic of its own.
            if (p.getProperty("ostsee.outbox.topic") != null
                    && !"false".equals(p.getProperty("ostsee.outbox.enabled"))) {
                writes.add(p.getProperty("ostsee.outbox.topic"));
            }
            for (String key : p.stringPropertyNames().stream()
                    .sorted(Comparator.naturalOrder())
                    .toList()) {
                if (key.startsWith("mp.messaging.incoming.")) {
                    if (key.endsWith(".topic") && !key.endsWith("dead-letter-queue.topic")) {
                        reads.add(p.getProperty(key));
                    } else if (key.endsWith(".topics")) {
                        reads.addAll(List.of(p.getProperty(key).split(",")));
                    } else if (key.endsWith(".dead-letter-queue.topic")) {
                        writes.add(p.getProperty(key));
                    } else if (key.endsWith(".group.id")) {
                        groups.add(p.getProperty(key));
                    }
                }
            }
            assertEquals(1, groups.size(), component + ": one consumer group");
            String group = groups.iterator().next();
            boolean prefix = group.contains("${");
            return new ServiceConfig(writes, reads, prefix ? group.substring(0, group.indexOf("${")) : group, prefix);
        }
    }

    @Test
    void theValuesFilesNameTheSameTopicsAsTheServices() throws IOException {
        JsonNode services = Rendered.values().path("services");
        for (String component : COMPONENTS) {
            ServiceConfig config = ServiceConfig.of(component);
            JsonNode values = services.path(component);
            Set<String> consumes = new TreeSet<>();
            values.path("consumes").forEach(t -> consumes.add(t.asText()));
            assertEquals(config.reads(), consumes, component);
            Set<String> writes = new TreeSet<>();
            for (String key : List.of("topic", "deadLetterTopic")) {
                if (!values.path(key).asText().isEmpty()) {
                    writes.add(values.path(key).asText());
                }
            }
            assertEquals(config.writes(), writes, component);
        }
        assertTrue(services instanceof ObjectNode);
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", PRODUCTION})
    void noPodMountsTheDatabaseCasPrivateKey(String values) {
        Rendered chart = render(values);
        List<JsonNode> volumes = new ArrayList<>();
        for (Deployment d : chart.all(Deployment.class)) {
            d.getSpec().getTemplate().getSpec().getVolumes().forEach(v -> volumes.add(Rendered.tree(v)));
        }
        chart.kind("k8s.keycloak.org/v2alpha1", "Keycloak")
                .get(0)
                .path("spec")
                .path("unsupported")
                .path("podTemplate")
                .path("spec")
                .path("volumes")
                .forEach(volumes::add);
        int caVolumes = 0;
        for (JsonNode volume : volumes) {
            String secret = volume.path("secret").path("secretName").asText();
            if (secret.equals("ostsee-postgres-ca")) {
                caVolumes++;
                List<String> keys = new ArrayList<>();
                volume.path("secret")
                        .path("items")
                        .forEach(i -> keys.add(i.path("key").asText()));
                assertEquals(
                        List.of("ca.crt"),
                        keys,
                        volume.path("name") + ": CloudNativePG's CA Secret holds ca.key too (it signs the"
                                + " replication user's client certificates): mount only ca.crt");
            }
        }
        assertEquals(5, caVolumes, "the four services and Keycloak verify the database's certificate");
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", PRODUCTION})
    void theStateOutlivesTheRelease(String values) {
        Rendered chart = render(values);
        List<String> kept = new ArrayList<>();
        List<String> notKept = new ArrayList<>();
        for (JsonNode doc : chart.documents) {
            String kind = doc.path("kind").asText();
            if (Set.of("Cluster", "Database", "ObjectStore", "Kafka", "KafkaNodePool", "KafkaTopic")
                    .contains(kind)) {
                String what = kind + "/" + doc.path("metadata").path("name").asText();
                if ("keep"
                        .equals(doc.path("metadata")
                                .path("annotations")
                                .path("helm.sh/resource-policy")
                                .asText())) {
                    kept.add(what);
                } else {
                    notKept.add(what);
                }
            }
        }
        assertEquals(List.of(), notKept, "Helm deletes these on uninstall, rename or a component switched off");
        assertTrue(kept.size() >= 1 + 4 + 1 + 1 + 6, kept.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", PRODUCTION})
    void everyPartitionHasAConsumerAtFullScaleAndNoneIdles(String values) {
        Rendered chart = render(values);
        JsonNode merged = values.equals("values.yaml") ? Rendered.values() : Rendered.values(values);
        int partitions = merged.path("kafka").path("topics").path("partitions").asInt();
        for (String service : SERVICES) {
            JsonNode svc = merged.path("services").path(service);
            int maxPods = svc.path("autoscaling").path("enabled").asBoolean()
                    ? svc.path("autoscaling").path("maxReplicas").asInt()
                    : svc.path("replicas").asInt();
            int consumers = Integer.parseInt(env(chart, service).get("OSTSEE_CONSUMERS"));
            assertTrue(consumers * maxPods >= partitions, service + ": every partition has a consumer");
            assertTrue(
                    (consumers - 1) * maxPods < partitions,
                    service + ": " + consumers + " consumers × " + maxPods + " pods for " + partitions
                            + " partitions leaves a whole consumer per pod idle");
        }
        assertEquals(null, env(chart, "portal").get("OSTSEE_CONSUMERS"), "the portal reads in a group of its own");
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", PRODUCTION})
    void everyDatabasePoolFitsPostgresMaxConnectionsAtFullScale(String values) {
        Rendered chart = render(values);
        JsonNode merged = values.equals("values.yaml") ? Rendered.values() : Rendered.values(values);
        int needed = merged.path("postgres").path("reservedConnections").asInt();
        for (String service : SERVICES) {
            JsonNode svc = merged.path("services").path(service);
            int maxPods = svc.path("autoscaling").path("enabled").asBoolean()
                    ? svc.path("autoscaling").path("maxReplicas").asInt()
                    : svc.path("replicas").asInt();
            int pool = Integer.parseInt(env(chart, service).get("DB_POOL_MAX"));
            needed += pool * (maxPods + 1); // a rollout adds one pod (maxSurge 1)
        }
        JsonNode keycloak =
                chart.kind("k8s.keycloak.org/v2alpha1", "Keycloak").get(0).path("spec");
        int keycloakPool = 0;
        for (JsonNode option : keycloak.path("additionalOptions")) {
            if (option.path("name").asText().equals("db-pool-max-size")) {
                keycloakPool = option.path("value").asInt();
            }
        }
        assertTrue(keycloakPool > 0, "Keycloak's pool is bounded (its default is 100 per instance)");
        needed += keycloakPool * keycloak.path("instances").asInt();
        int max = chart.kind("postgresql.cnpg.io/v1", "Cluster")
                .get(0)
                .path("spec")
                .path("postgresql")
                .path("parameters")
                .path("max_connections")
                .asInt();
        assertTrue(
                needed <= max, values + ": the pools can open " + needed + " connections, max_connections is " + max);
    }

    @Test
    void tooFewConnectionsForThePoolsFailTheRendering(@TempDir Path dir) throws IOException {
        Path small = dir.resolve("small.yaml");
        Files.writeString(small, "postgres:\n  maxConnections: 150\n");
        var failure = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> Rendered.with(PRODUCTION, small.toString()));
        assertTrue(failure.getMessage().contains("the pools can open 320 connections"), failure.getMessage());
    }

    @Test
    void kafkaIsSpreadOverMachinesAndZonesInProduction() {
        Rendered chart = Rendered.with(PRODUCTION);
        Kafka kafka = chart.one(Kafka.class, k -> true, "cluster");
        assertEquals(
                "topology.kubernetes.io/zone",
                kafka.getSpec().getKafka().getRack().getTopologyKey(),
                "replicas of a partition in different zones");
        assertEquals(null, kafka.getMetadata().getAnnotations().get("strimzi.io/kraft"), "obsolete since 0.48");
        assertEquals(null, kafka.getMetadata().getAnnotations().get("strimzi.io/node-pools"), "obsolete since 0.48");
        for (KafkaNodePool pool : chart.all(KafkaNodePool.class)) {
            var template = pool.getSpec().getTemplate().getPod();
            var antiAffinity = template.getAffinity()
                    .getPodAntiAffinity()
                    .getPreferredDuringSchedulingIgnoredDuringExecution()
                    .get(0)
                    .getPodAffinityTerm();
            assertEquals("kubernetes.io/hostname", antiAffinity.getTopologyKey());
            assertEquals(
                    pool.getMetadata().getName(),
                    antiAffinity.getLabelSelector().getMatchLabels().get("strimzi.io/pool-name"),
                    "the pool's own pods apart");
            assertEquals(
                    "topology.kubernetes.io/zone",
                    template.getTopologySpreadConstraints().get(0).getTopologyKey());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", PRODUCTION})
    void keycloaksAdminConsoleIsNotOnThePublicHost(String values) {
        Rendered chart = render(values);
        JsonNode keycloak =
                chart.kind("k8s.keycloak.org/v2alpha1", "Keycloak").get(0).path("spec");
        assertFalse(
                keycloak.path("ingress").path("enabled").asBoolean(true), "the operator's Ingress routes every path");
        var ingress = chart.named(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class, "ostsee-keycloak");
        assertEquals(
                "auth.ostsee.kielregion.example",
                ingress.getSpec().getRules().get(0).getHost());
        List<String> paths = ingress.getSpec().getRules().get(0).getHttp().getPaths().stream()
                .map(p -> p.getPath())
                .toList();
        assertTrue(paths.contains("/realms/") && paths.contains("/resources/"), paths.toString());
        assertTrue(paths.stream().noneMatch(p -> p.equals("/") || p.startsWith("/admin")), paths.toString());
        assertTrue(chart.all(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class).stream()
                .noneMatch(i -> i.getMetadata().getName().endsWith("-keycloak-admin")));
    }

    @Test
    void anAdminHostGetsTheConsoleOnItsOwnIngress(@TempDir Path dir) throws IOException {
        Path admin = dir.resolve("admin.yaml");
        Files.writeString(
                admin,
                "hosts:\n  keycloakAdmin: auth-admin.intern.kielregion.example\n"
                        + "ingress:\n  adminAnnotations:\n"
                        + "    nginx.ingress.kubernetes.io/whitelist-source-range: 10.0.0.0/8\n");
        Rendered chart = Rendered.with(PRODUCTION, admin.toString());
        var ingress = chart.named(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class, "ostsee-keycloak-admin");
        assertEquals(
                "auth-admin.intern.kielregion.example",
                ingress.getSpec().getRules().get(0).getHost());
        assertEquals(
                "10.0.0.0/8",
                ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/whitelist-source-range"));
        assertEquals(
                "https://auth-admin.intern.kielregion.example",
                chart.kind("k8s.keycloak.org/v2alpha1", "Keycloak")
                        .get(0)
                        .path("spec")
                        .path("hostname")
                        .path("admin")
                        .asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"values.yaml", PRODUCTION})
    void podsStopWithoutLosingRequests(String values) {
        Rendered chart = render(values);
        for (Deployment d : chart.all(Deployment.class)) {
            PodSpec pod = d.getSpec().getTemplate().getSpec();
            var preStop = pod.getContainers().get(0).getLifecycle().getPreStop();
            int pause = preStop.getSleep().getSeconds().intValue();
            assertTrue(pause >= 5, d.getMetadata().getName() + ": the ingress controller learns of the stop first");
            assertTrue(
                    pod.getTerminationGracePeriodSeconds() >= pause + 20,
                    d.getMetadata().getName() + ": the pause and Quarkus' 20 s graceful stop fit the grace period");
        }
        var portal = chart.named(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class, "ostsee");
        assertEquals(
                "16k",
                portal.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/proxy-buffer-size"),
                "the portal's session cookies fit nginx's proxy buffer");
    }

    @Test
    void aRestoreBootstrapsANewClusterFromTheOldOnesBackups(@TempDir Path dir) throws IOException {
        Path restore = dir.resolve("restore.yaml");
        Files.writeString(
                restore,
                "postgres:\n  name: ostsee-postgres-restored\n  bootstrap:\n    mode: recovery\n"
                        + "    recovery:\n      sourceCluster: ostsee-postgres\n"
                        + "      targetTime: \"2026-12-01T09:30:00Z\"\n");
        Rendered chart = Rendered.with(PRODUCTION, restore.toString());
        JsonNode spec = chart.kind("postgresql.cnpg.io/v1", "Cluster").get(0).path("spec");
        assertEquals(
                "ostsee-postgres",
                spec.path("bootstrap").path("recovery").path("source").asText());
        assertEquals(
                "2026-12-01T09:30:00Z",
                spec.path("bootstrap")
                        .path("recovery")
                        .path("recoveryTarget")
                        .path("targetTime")
                        .asText());
        assertFalse(spec.path("bootstrap").has("initdb"));
        JsonNode origin = spec.path("externalClusters").get(0);
        assertEquals("ostsee-postgres", origin.path("name").asText());
        assertEquals(
                "barman-cloud.cloudnative-pg.io",
                origin.path("plugin").path("name").asText());
        assertEquals(
                "ostsee-postgres",
                origin.path("plugin").path("parameters").path("serverName").asText());
        assertEquals(
                "ostsee-backups",
                origin.path("plugin")
                        .path("parameters")
                        .path("barmanObjectName")
                        .asText());
        // The new cluster archives its own WAL to the same store, under its own name.
        assertTrue(spec.path("plugins").get(0).path("isWALArchiver").asBoolean());
        for (String service : SERVICES) {
            assertTrue(env(chart, service)
                    .get("DB_URL")
                    .startsWith("jdbc:postgresql://ostsee-postgres-restored-rw:5432/"));
        }
        assertEquals(
                List.of(),
                OperatorResources.check(
                        chart.kind("postgresql.cnpg.io/v1", "Cluster").get(0)));
        // A new installation starts empty, with the operator's own first database.
        JsonNode fresh = Rendered.with(PRODUCTION)
                .kind("postgresql.cnpg.io/v1", "Cluster")
                .get(0)
                .path("spec");
        assertEquals(
                "app", fresh.path("bootstrap").path("initdb").path("database").asText());
    }

    @Test
    void theToolingUserMovesTheServicesOffsetsAndReadsTheDeadLetters() {
        Rendered chart = Rendered.with(PRODUCTION);
        KafkaUser tooling = chart.named(KafkaUser.class, "ostsee-tooling");
        List<AclRule> acls = ((KafkaUserAuthorizationSimple) tooling.getSpec().getAuthorization()).getAcls();
        Set<String> groups = new TreeSet<>();
        for (AclRule rule : acls) {
            if (rule.getResource() instanceof AclRuleGroupResource group
                    && group.getPatternType() == AclResourcePatternType.LITERAL) {
                assertTrue(rule.getOperations().containsAll(List.of(AclOperation.READ, AclOperation.DESCRIBE)));
                groups.add(group.getName());
            }
        }
        assertEquals(Set.of("partners-service", "projects-service", "memberships-service", "webhooks-service"), groups);
        assertEquals(
                Set.of(
                        "cooperation.partners.dlq",
                        "cooperation.projects.dlq",
                        "cooperation.memberships.dlq",
                        "cooperation.webhooks.dlq",
                        "cooperation.partners.v1",
                        "cooperation.projects.v1",
                        "cooperation.memberships.v1"),
                topicsWith(acls, AclOperation.READ));
        assertEquals(
                Set.of("cooperation.partners.v1", "cooperation.projects.v1", "cooperation.memberships.v1"),
                topicsWith(acls, AclOperation.WRITE),
                "a repaired dead letter goes back to its topic, never to a dead-letter topic");
    }

    private static Map<String, String> env(Rendered chart, String component) {
        Map<String, String> env = new TreeMap<>();
        chart.named(Deployment.class, Rendered.RELEASE + "-" + component)
                .getSpec()
                .getTemplate()
                .getSpec()
                .getContainers()
                .get(0)
                .getEnv()
                .forEach(e -> env.put(e.getName(), e.getValue()));
        return env;
    }

    @Test
    void aTypoInTheSiteValuesFailsTheInstallation(@TempDir Path dir) throws IOException {
        Path typo = dir.resolve("typo.yaml");
        Files.writeString(typo, "services:\n  partners:\n    replcas: 3\n");
        var failure = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> Rendered.with(PRODUCTION, typo.toString()));
        assertTrue(failure.getMessage().contains("replcas"), failure.getMessage());
        Path mode = dir.resolve("mode.yaml");
        Files.writeString(mode, "postgres:\n  bootstrap:\n    mode: restore\n");
        failure = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> Rendered.with(PRODUCTION, mode.toString()));
        assertTrue(failure.getMessage().contains("mode"), failure.getMessage());
        Path ratio = dir.resolve("ratio.yaml");
        Files.writeString(ratio, "observability:\n  traceSampleRatio: \"all\"\n");
        failure = org.junit.jupiter.api.Assertions.assertThrows(
                IllegalStateException.class, () -> Rendered.with(PRODUCTION, ratio.toString()));
        assertTrue(failure.getMessage().contains("traceSampleRatio"), failure.getMessage());
    }

    @Test
    void theChartsAppVersionIsTheReleaseOfTheBuild() throws IOException {
        String pom = Files.readString(Path.of("..", "..", "pom.xml"));
        java.util.regex.Matcher version = java.util.regex.Pattern.compile(
                        "<artifactId>ostsee-kooperation-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(pom);
        assertTrue(version.find(), "the parent's version");
        String release = version.group(1).replace("-SNAPSHOT", "");
        String chart = Files.readString(Rendered.CHART.resolve("Chart.yaml"));
        assertTrue(
                chart.contains("appVersion: \"" + release + "\""),
                "image tags default to the chart's appVersion: it must be the build's release " + release);
        for (Deployment d : Rendered.with(PRODUCTION).all(Deployment.class)) {
            String image =
                    d.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            assertTrue(image.endsWith(":" + release), image);
            assertFalse(image.contains("SNAPSHOT"), image);
        }
    }
}
