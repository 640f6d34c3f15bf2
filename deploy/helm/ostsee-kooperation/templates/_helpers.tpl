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
