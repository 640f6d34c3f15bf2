{{/*
Names and labels shared by every template.
*/}}

{{- define "ostsee.fullname" -}}
{{- printf "%s" .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}

{{/* The name of one part of the suite, e.g. "<release>-partners". */}}
{{- define "ostsee.component" -}}
{{- printf "%s-%s" (include "ostsee.fullname" .root) .name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{/* Labels of everything the chart makes (beside a component's selector labels: ostsee.baseLabels). */}}
{{- define "ostsee.labels" -}}
{{ include "ostsee.baseLabels" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "ostsee.baseLabels" -}}
app.kubernetes.io/part-of: ostsee-kooperation
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one component (stable across upgrades). */}}
{{- define "ostsee.selector" -}}
app.kubernetes.io/name: {{ .name }}
app.kubernetes.io/instance: {{ .root.Release.Name }}
{{- end -}}

{{- define "ostsee.image" -}}
{{- printf "%s/%s:%s" .root.Values.image.registry .service.repository (default .root.Chart.AppVersion .root.Values.image.tag) -}}
{{- end -}}

{{- define "ostsee.kafkaBootstrap" -}}
{{- if .Values.kafka.enabled -}}
{{- printf "%s-kafka-bootstrap:9093" .Values.kafka.name -}}
{{- else -}}
{{- required "kafka.bootstrapServers is required when kafka.enabled is false" .Values.kafka.bootstrapServers -}}
{{- end -}}
{{- end -}}

{{- define "ostsee.issuer" -}}
{{- if .Values.keycloak.enabled -}}
{{- printf "https://%s/realms/ostsee" .Values.hosts.keycloak -}}
{{- else -}}
{{- required "keycloak.issuer is required when keycloak.enabled is false" .Values.keycloak.issuer -}}
{{- end -}}
{{- end -}}

{{/*
Secrets are never in the chart (a rendered manifest, a GitOps repository or `helm get` would
show them, and a chart that makes random ones makes new ones on every `helm template`): they
are created beforehand (deploy/README.md, step 3) under these names.
*/}}
{{- define "ostsee.clientSecrets" -}}
{{- default (printf "%s-client-secrets" (include "ostsee.fullname" .)) .Values.secrets.clients -}}
{{- end -}}

{{- define "ostsee.webhooksSecrets" -}}
{{- default (printf "%s-webhooks-secrets" (include "ostsee.fullname" .)) .Values.secrets.webhooks -}}
{{- end -}}

{{- define "ostsee.portalSecrets" -}}
{{- default (printf "%s-portal-secrets" (include "ostsee.fullname" .)) .Values.secrets.portal -}}
{{- end -}}

{{/* The basic-auth Secret (username, password) of a database owner. */}}
{{- define "ostsee.dbSecret" -}}
{{- printf "%s%s" (default (printf "%s-db-" (include "ostsee.fullname" .root)) .root.Values.secrets.databasePrefix) .owner -}}
{{- end -}}

{{/* The labels of the Keycloak operator's pods of this release's Keycloak. */}}
{{- define "ostsee.keycloakPods" -}}
app: keycloak
app.kubernetes.io/instance: {{ .Values.keycloak.name }}
{{- end -}}

{{/* The labels of the pod of the realm import Job (the operator's KeycloakRealmImportJob). */}}
{{- define "ostsee.keycloakRealmImportPods" -}}
app: keycloak-realm-import
app.kubernetes.io/instance: {{ .Values.keycloak.name }}
{{- end -}}

{{/* The Kafka user (Strimzi KafkaUser and its Secret) of one component. */}}
{{- define "ostsee.kafkaUser" -}}
{{- printf "%s-%s" (include "ostsee.fullname" .root) .name -}}
{{- end -}}

{{/* Pod security shared by every container of the chart. */}}
{{- define "ostsee.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 185
runAsGroup: 185
fsGroup: 185
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "ostsee.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: [ALL]
{{- end -}}

{{/* The most pods a component can have: the autoscaler's maximum, or its fixed replicas. */}}
{{- define "ostsee.maxPods" -}}
{{- if .autoscaling.enabled -}}{{ .autoscaling.maxReplicas }}{{- else -}}{{ .replicas }}{{- end -}}
{{- end -}}

{{/*
Kafka consumers per channel in one pod of a service: its topics' partitions shared out over the
most pods it can have (rounded up, at least one), so that at full scale every partition has a
consumer and none idles; fewer pods leave some consumers of each pod with two partitions.
*/}}
{{- define "ostsee.consumersPerPod" -}}
{{- $svc := index .root.Values.services .name -}}
{{- $pods := int (include "ostsee.maxPods" $svc) -}}
{{- $partitions := int .root.Values.kafka.topics.partitions -}}
{{- max 1 (div (add $partitions $pods -1) $pods) -}}
{{- end -}}

{{/*
postgres.maxConnections, after checking that every pool fits at the same time: each service's
pool in each of its pods at full scale plus the one a rollout adds (maxSurge 1), each Keycloak
instance's pool, and the reserved connections. Too few fails the rendering with the sum.
*/}}
{{- define "ostsee.checkedMaxConnections" -}}
{{- $needed := int .Values.postgres.reservedConnections -}}
{{- range $name, $svc := .Values.services -}}
{{- if and $svc.enabled $svc.database -}}
{{- $needed = add $needed (mul (int $svc.dbPoolSize) (add 1 (int (include "ostsee.maxPods" $svc)))) -}}
{{- end -}}
{{- end -}}
{{- if .Values.keycloak.enabled -}}
{{- $needed = add $needed (mul (int .Values.keycloak.dbPoolSize) (int .Values.keycloak.instances)) -}}
{{- end -}}
{{- if lt (int .Values.postgres.maxConnections) (int $needed) -}}
{{- fail (printf "postgres.maxConnections is %d, but the pools can open %d connections at once (services' dbPoolSize × (most pods + 1), Keycloak's dbPoolSize × instances, reservedConnections): raise it or make the pools smaller" (int .Values.postgres.maxConnections) (int $needed)) -}}
{{- end -}}
{{- .Values.postgres.maxConnections -}}
{{- end -}}

{{/*
State that outlives the release: Helm never deletes these (helm uninstall, a component switched
off, a renamed resource). They hold the event history (topics), the data (PostgreSQL) and the
brokers' logs; deleting them is a decision made by hand (deploy/README.md, "Uninstall").
*/}}
{{- define "ostsee.keep" -}}
helm.sh/resource-policy: keep
{{- end -}}

{{/* The Barman Cloud plugin's ObjectStore of the PostgreSQL backups. */}}
{{- define "ostsee.objectStore" -}}
{{- printf "%s-backups" (include "ostsee.fullname" .) -}}
{{- end -}}

{{/* The labels of the operators' tooling pod that may reach the brokers (deploy/README.md). */}}
{{- define "ostsee.toolingPod" -}}
app.kubernetes.io/name: ostsee-tooling
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}
