package de.kielregion.kooperation.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The custom resources without a Java model here (CloudNativePG 1.27 and its Barman Cloud plugin,
 * Keycloak operator 26),
 * checked field by field: every field the chart writes must be one of the operator's API for
 * that kind (as its API reference documents it), and the fields an operator cannot do without
 * must be there. A misspelt or misplaced field (which the operator would silently ignore or
 * refuse) fails here.
 */
final class OperatorResources {

    private static final Set<String> METADATA =
            Set.of("metadata.name", "metadata.labels.**", "metadata.annotations.**");

    /** apiVersion/kind → the field paths it may have ({@code *} one key, {@code []} an array item). */
    static final Map<String, Set<String>> FIELDS = Map.of(
            "postgresql.cnpg.io/v1/Cluster",
            Set.of(
                    "spec.instances",
                    "spec.imageName",
                    "spec.primaryUpdateStrategy",
                    "spec.storage.size",
                    "spec.storage.storageClass",
                    "spec.resources.requests.*",
                    "spec.resources.limits.*",
                    "spec.bootstrap.initdb.database",
                    "spec.bootstrap.initdb.owner",
                    "spec.bootstrap.recovery.source",
                    "spec.bootstrap.recovery.recoveryTarget.targetTime",
                    "spec.externalClusters[].name",
                    "spec.externalClusters[].plugin.name",
                    "spec.externalClusters[].plugin.parameters.barmanObjectName",
                    "spec.externalClusters[].plugin.parameters.serverName",
                    "spec.plugins[].name",
                    "spec.plugins[].isWALArchiver",
                    "spec.plugins[].parameters.barmanObjectName",
                    "spec.managed.roles[].name",
                    "spec.managed.roles[].ensure",
                    "spec.managed.roles[].login",
                    "spec.managed.roles[].superuser",
                    "spec.managed.roles[].createdb",
                    "spec.managed.roles[].createrole",
                    "spec.managed.roles[].inherit",
                    "spec.managed.roles[].connectionLimit",
                    "spec.managed.roles[].passwordSecret.name",
                    "spec.postgresql.parameters.*",
                    "spec.postgresql.pg_hba[]"),
            "postgresql.cnpg.io/v1/Database",
            Set.of("spec.name", "spec.owner", "spec.ensure", "spec.databaseReclaimPolicy", "spec.cluster.name"),
            "postgresql.cnpg.io/v1/ScheduledBackup",
            Set.of(
                    "spec.schedule",
                    "spec.backupOwnerReference",
                    "spec.method",
                    "spec.pluginConfiguration.name",
                    "spec.cluster.name"),
            // The Barman Cloud plugin's object store (plugin-barman-cloud 0.14).
            "barmancloud.cnpg.io/v1/ObjectStore",
            Set.of(
                    "spec.retentionPolicy",
                    "spec.configuration.destinationPath",
                    "spec.configuration.endpointURL",
                    "spec.configuration.s3Credentials.accessKeyId.name",
                    "spec.configuration.s3Credentials.accessKeyId.key",
                    "spec.configuration.s3Credentials.secretAccessKey.name",
                    "spec.configuration.s3Credentials.secretAccessKey.key",
                    "spec.configuration.wal.compression",
                    "spec.configuration.data.compression"),
            "k8s.keycloak.org/v2alpha1/Keycloak",
            Set.of(
                    "spec.instances",
                    "spec.db.vendor",
                    "spec.db.host",
                    "spec.db.port",
                    "spec.db.database",
                    "spec.db.usernameSecret.name",
                    "spec.db.usernameSecret.key",
                    "spec.db.passwordSecret.name",
                    "spec.db.passwordSecret.key",
                    "spec.http.httpEnabled",
                    "spec.hostname.hostname",
                    "spec.hostname.backchannelDynamic",
                    "spec.hostname.admin",
                    "spec.proxy.headers",
                    "spec.ingress.enabled",
                    // NetworkPolicyPeer lists (Kubernetes' own schema) for ports 8080 and 9000.
                    "spec.networkPolicy.enabled",
                    "spec.networkPolicy.http[].namespaceSelector.matchLabels.**",
                    "spec.networkPolicy.http[].podSelector.matchLabels.**",
                    "spec.networkPolicy.http[].podSelector.matchExpressions[].key",
                    "spec.networkPolicy.http[].podSelector.matchExpressions[].operator",
                    "spec.networkPolicy.http[].podSelector.matchExpressions[].values[]",
                    "spec.networkPolicy.management[].namespaceSelector.matchLabels.**",
                    "spec.resources.requests.*",
                    "spec.resources.limits.*",
                    "spec.additionalOptions[].name",
                    "spec.additionalOptions[].value",
                    // A pod template (Kubernetes' own schema) merged into the operator's.
                    "spec.unsupported.podTemplate.spec.containers[].volumeMounts[].name",
                    "spec.unsupported.podTemplate.spec.containers[].volumeMounts[].mountPath",
                    "spec.unsupported.podTemplate.spec.containers[].volumeMounts[].readOnly",
                    "spec.unsupported.podTemplate.spec.volumes[].name",
                    "spec.unsupported.podTemplate.spec.volumes[].secret.secretName",
                    "spec.unsupported.podTemplate.spec.volumes[].secret.items[].key",
                    "spec.unsupported.podTemplate.spec.volumes[].secret.items[].path"),
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport",
            Set.of(
                    "spec.keycloakCRName",
                    "spec.realm.**",
                    "spec.placeholders.*.secret.name",
                    "spec.placeholders.*.secret.key"));

    /** Fields without which the operator cannot act on the resource. */
    static final Map<String, Set<String>> REQUIRED = Map.of(
            "postgresql.cnpg.io/v1/Cluster", Set.of("spec.instances", "spec.storage.size"),
            "postgresql.cnpg.io/v1/Database", Set.of("spec.name", "spec.owner", "spec.cluster.name"),
            "postgresql.cnpg.io/v1/ScheduledBackup", Set.of("spec.schedule", "spec.cluster.name"),
            "barmancloud.cnpg.io/v1/ObjectStore", Set.of("spec.configuration.destinationPath"),
            "k8s.keycloak.org/v2alpha1/Keycloak", Set.of("spec.db.vendor", "spec.hostname.hostname"),
            "k8s.keycloak.org/v2alpha1/KeycloakRealmImport", Set.of("spec.keycloakCRName", "spec.realm.realm"));

    private OperatorResources() {}

    /** The problems of one document: unknown fields, missing required fields. */
    static List<String> check(JsonNode doc) {
        String type = doc.path("apiVersion").asText() + "/" + doc.path("kind").asText();
        Set<String> allowed = FIELDS.get(type);
        if (allowed == null) {
            return List.of(type + " is no kind this check knows");
        }
        List<Pattern> patterns = new ArrayList<>();
        for (String field : allowed) {
            patterns.add(pattern(field));
        }
        for (String field : METADATA) {
            patterns.add(pattern(field));
        }
        List<String> leaves = new ArrayList<>();
        leaves(doc, "", leaves);
        List<String> problems = new ArrayList<>();
        String name = type + " " + doc.path("metadata").path("name").asText();
        for (String leaf : leaves) {
            if (leaf.equals("apiVersion") || leaf.equals("kind")) {
                continue;
            }
            if (patterns.stream().noneMatch(p -> p.matcher(leaf).matches())) {
                problems.add(name + ": unknown field " + leaf);
            }
        }
        for (String required : REQUIRED.getOrDefault(type, Set.of())) {
            if (leaves.stream().noneMatch(l -> l.equals(required) || l.startsWith(required + "."))) {
                problems.add(name + ": missing " + required);
            }
        }
        return problems;
    }

    private static Pattern pattern(String field) {
        String regex = Pattern.quote(field)
                .replace("[]", "\\E\\[\\d+\\]\\Q")
                .replace("**", "\\E.+\\Q")
                .replace("*", "\\E[^.\\[]+\\Q");
        return Pattern.compile(regex);
    }

    private static void leaves(JsonNode node, String path, List<String> out) {
        if (node.isObject() && !node.isEmpty()) {
            node.fields()
                    .forEachRemaining(
                            e -> leaves(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), out));
        } else if (node.isArray() && !node.isEmpty()) {
            for (int i = 0; i < node.size(); i++) {
                leaves(node.get(i), path + "[" + i + "]", out);
            }
        } else {
            out.add(path);
        }
    }
}
