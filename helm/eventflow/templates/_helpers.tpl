{{/* Name of a component's objects: <release>-<component>, within the 63 characters of a DNS label. */}}
{{- define "eventflow.fullname" -}}
{{- printf "%s-%s" (.root.Release.Name | trunc 40 | trimSuffix "-") .component -}}
{{- end -}}

{{- define "eventflow.selectorLabels" -}}
app.kubernetes.io/name: eventflow
app.kubernetes.io/instance: {{ .root.Release.Name }}
app.kubernetes.io/component: {{ .component }}
{{- end -}}

{{- define "eventflow.labels" -}}
{{ include "eventflow.selectorLabels" . }}
app.kubernetes.io/part-of: eventflow
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .root.Release.Service }}
helm.sh/chart: {{ .root.Chart.Name }}-{{ .root.Chart.Version }}
{{- end -}}

{{- define "eventflow.image" -}}
{{- $registry := .root.Values.image.registry -}}
{{- if $registry }}{{ $registry }}/{{ end }}{{ .image }}:{{ .root.Values.image.tag }}
{{- end -}}

{{- define "eventflow.dbSecret" -}}
{{- default (printf "%s-db" (.Release.Name | trunc 50 | trimSuffix "-")) .Values.database.existingSecret -}}
{{- end -}}

{{- define "eventflow.serviceAccountName" -}}
{{- if .Values.serviceAccount.create -}}
{{- default (include "eventflow.fullname" (dict "root" . "component" "eventflow")) .Values.serviceAccount.name -}}
{{- else -}}
{{- default "default" .Values.serviceAccount.name -}}
{{- end -}}
{{- end -}}

{{/* Refuses value combinations that would deploy something unsafe or broken, with a message that says what to set. */}}
{{- define "eventflow.validate" -}}
{{- $v := .Values -}}
{{- if and (or $v.publisher.enabled $v.subscriber.enabled $v.worker.enabled) (not $v.apiKeys.existingSecret) -}}
{{- fail "apiKeys.existingSecret is required: a Secret whose key apiKeys.secretKey (default api-keys) holds name:secret or name:sha256:<hex> entries, e.g. kubectl create secret generic eventflow-api-keys --from-literal=api-keys=\"ci:$(openssl rand -hex 32)\"" -}}
{{- end -}}
{{- if and $v.subscriber.enabled $v.subscriber.dashboard.enabled (not $v.subscriber.dashboard.existingSecret) -}}
{{- fail "subscriber.dashboard.enabled needs subscriber.dashboard.existingSecret: a Secret with the dashboard's basic-auth username and password (keys subscriber.dashboard.usernameKey / passwordKey). The JobRunr dashboard shows event payloads and can delete jobs; it is never exposed without credentials." -}}
{{- end -}}
{{- if and (eq $v.database.user "postgres") (not $v.database.allowSuperuser) -}}
{{- fail "database.user is \"postgres\", a superuser: create an owner role that is not a superuser (SQL in helm/eventflow/README.md) and set database.user to it, or set database.allowSuperuser=true to accept the risk" -}}
{{- end -}}
{{- if and (or $v.subscriber.enabled $v.worker.enabled) (not $v.database.existingSecret) (not $v.database.password) -}}
{{- fail "set database.existingSecret (a Secret with the password under database.secretKey) or database.password" -}}
{{- end -}}
{{- if and (eq $v.tracing.exporter "otlp") (not $v.tracing.otlp.endpoint) -}}
{{- fail "tracing.exporter is otlp: set tracing.otlp.endpoint to the collector, e.g. http://otel-collector.observability:4318 (and allow its port in networkPolicy.egress.extra)" -}}
{{- end -}}
{{- if and $v.subscriber.enabled (not $v.subscriber.runJobs) (not $v.worker.enabled) -}}
{{- fail "nothing would run jobs: enable worker or set subscriber.runJobs=true" -}}
{{- end -}}
{{- end -}}

{{- define "eventflow.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: {{ .Values.podSecurity.runAsUser }}
runAsGroup: {{ .Values.podSecurity.runAsGroup }}
fsGroup: {{ .Values.podSecurity.fsGroup }}
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{- define "eventflow.containerSecurityContext" -}}
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
runAsNonRoot: true
capabilities:
  drop: ["ALL"]
seccompProfile:
  type: RuntimeDefault
{{- end -}}

{{/* JVM options; Narayana (JTA, subscriber image only) keeps its object store in a writable emptyDir. */}}
{{- define "eventflow.javaToolOptions" -}}
{{- $opts := list (printf "-XX:MaxRAMPercentage=%v" .root.Values.jvm.maxRAMPercentage) "-XX:+ExitOnOutOfMemoryError" "-Djava.io.tmpdir=/tmp" -}}
{{- if .narayana -}}
{{- $opts = concat $opts (list "-DObjectStoreEnvironmentBean.objectStoreDir=/app/narayana" "-DObjectStoreEnvironmentBean.stateStore.objectStoreDir=/app/narayana" "-DObjectStoreEnvironmentBean.communicationStore.objectStoreDir=/app/narayana") -}}
{{- end -}}
{{- with .root.Values.jvm.extraOptions -}}
{{- $opts = append $opts . -}}
{{- end -}}
{{- join " " $opts -}}
{{- end -}}

{{- define "eventflow.volumes" -}}
- name: tmp
  emptyDir: {sizeLimit: 256Mi}
{{- if .narayana }}
- name: narayana
  emptyDir: {sizeLimit: 64Mi}
{{- end }}
{{- end -}}

{{- define "eventflow.volumeMounts" -}}
- {name: tmp, mountPath: /tmp}
{{- if .narayana }}
- {name: narayana, mountPath: /app/narayana}
{{- end }}
{{- end -}}

{{/* MicroProfile Health endpoints of Helidon 4 on the service's HTTP port. */}}
{{- define "eventflow.probes" -}}
startupProbe:
  httpGet: {path: /health/started, port: http}
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 60
livenessProbe:
  httpGet: {path: /health/live, port: http}
  periodSeconds: 10
  timeoutSeconds: 3
  failureThreshold: 3
readinessProbe:
  httpGet: {path: /health/ready, port: http}
  periodSeconds: 5
  timeoutSeconds: 3
  failureThreshold: 3
{{- end -}}

{{/* Stop taking new work before SIGTERM: endpoints and load balancers need a moment to drop the pod. */}}
{{- define "eventflow.lifecycle" -}}
lifecycle:
  preStop:
    exec:
      command: ["sleep", "{{ .preStopSleepSeconds }}"]
{{- end -}}

{{- define "eventflow.podAnnotations" -}}
{{- if .root.Values.metrics.podAnnotations }}
prometheus.io/scrape: "true"
prometheus.io/port: {{ .port | quote }}
prometheus.io/path: /metrics
{{- end }}
{{- with .values.podAnnotations }}
{{ toYaml . }}
{{- end }}
{{- end -}}

{{/* Scheduling and identity settings every Eventflow pod shares. */}}
{{- define "eventflow.podCommon" -}}
serviceAccountName: {{ include "eventflow.serviceAccountName" .root }}
automountServiceAccountToken: false
terminationGracePeriodSeconds: {{ .values.terminationGracePeriodSeconds }}
securityContext:
  {{- include "eventflow.podSecurityContext" .root | nindent 2 }}
{{- with .root.Values.image.pullSecrets }}
imagePullSecrets:
  {{- range . }}
  - name: {{ . }}
  {{- end }}
{{- end }}
{{- with .values.priorityClassName }}
priorityClassName: {{ . }}
{{- end }}
{{- with .values.nodeSelector }}
nodeSelector:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.tolerations }}
tolerations:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.affinity }}
affinity:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- with .values.topologySpreadConstraints }}
topologySpreadConstraints:
  {{- toYaml . | nindent 2 }}
{{- end }}
{{- end -}}

{{/* Environment shared by the consumer and the worker pods (same image, same job code). */}}
{{- define "eventflow.subscriberEnv" -}}
- {name: KAFKA_BOOTSTRAP_SERVERS, value: {{ .Values.kafka.bootstrapServers | quote }}}
- {name: EVENTFLOW_TOPIC, value: {{ .Values.kafka.topic | quote }}}
- {name: EVENTFLOW_DEAD_LETTER_TOPIC, value: {{ .Values.kafka.deadLetterTopic | quote }}}
- {name: DB_URL, value: {{ .Values.database.url | quote }}}
- {name: DB_USER, value: {{ .Values.database.user | quote }}}
- name: DB_PASSWORD
  valueFrom:
    secretKeyRef: {name: {{ include "eventflow.dbSecret" . }}, key: {{ .Values.database.secretKey }}}
{{ include "eventflow.apiKeysEnv" . }}
- {name: EVENTFLOW_JOBS_RETRIES_DEFAULT, value: {{ .Values.subscriber.retries | quote }}}
- {name: EVENTFLOW_PROCESSING_MODE, value: {{ .Values.processing.mode | quote }}}
- {name: EVENTFLOW_PROCESSING_BATCH_SIZE, value: {{ .Values.processing.batchSize | quote }}}
- {name: EVENTFLOW_PROCESSING_BATCH_CONCURRENCY, value: {{ .Values.processing.batchConcurrency | quote }}}
- {name: EVENTFLOW_ENRICHMENT_BACKEND, value: {{ .Values.enrichment.backend | quote }}}
{{- with .Values.enrichment.openai.baseUrl }}
- {name: EVENTFLOW_ENRICHMENT_OPENAI_BASE_URL, value: {{ . | quote }}}
{{- end }}
{{- with .Values.enrichment.openai.model }}
- {name: EVENTFLOW_ENRICHMENT_OPENAI_MODEL, value: {{ . | quote }}}
{{- end }}
{{- with .Values.enrichment.openai.existingSecret }}
- name: EVENTFLOW_ENRICHMENT_OPENAI_API_KEY
  valueFrom:
    secretKeyRef: {name: {{ . }}, key: api-key}
{{- end }}
{{- end -}}

{{/* OpenTelemetry: the service name in every span, and where spans go (tracing.*). */}}
{{- define "eventflow.tracingEnv" -}}
- {name: OTEL_SERVICE_NAME, value: {{ printf "eventflow-%s" .service | quote }}}
- {name: OTEL_TRACES_EXPORTER, value: {{ .root.Values.tracing.exporter | quote }}}
{{- if eq .root.Values.tracing.exporter "otlp" }}
- {name: OTEL_EXPORTER_OTLP_ENDPOINT, value: {{ .root.Values.tracing.otlp.endpoint | quote }}}
- {name: OTEL_EXPORTER_OTLP_PROTOCOL, value: {{ .root.Values.tracing.otlp.protocol | quote }}}
{{- end }}
{{- end -}}

{{- define "eventflow.apiKeysEnv" -}}
- name: EVENTFLOW_SECURITY_API_KEYS
  valueFrom:
    secretKeyRef: {name: {{ .Values.apiKeys.existingSecret }}, key: {{ .Values.apiKeys.secretKey }}}
{{- end -}}

{{/* An autoscaling/v2 HPA on CPU plus any extra metrics (e.g. consumer lag through a metrics adapter). */}}
{{- define "eventflow.hpa" -}}
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {{ include "eventflow.fullname" . }}
  labels:
    {{- include "eventflow.labels" . | nindent 4 }}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {{ include "eventflow.fullname" . }}
  minReplicas: {{ .values.autoscaling.minReplicas }}
  maxReplicas: {{ .values.autoscaling.maxReplicas }}
  metrics:
    - type: Resource
      resource:
        name: cpu
        target: {type: Utilization, averageUtilization: {{ .values.autoscaling.targetCPUUtilizationPercentage }}}
    {{- with .values.autoscaling.metrics }}
    {{- toYaml . | nindent 4 }}
    {{- end }}
  {{- with .values.autoscaling.behavior }}
  behavior:
    {{- toYaml . | nindent 4 }}
  {{- end }}
{{- end -}}

{{- define "eventflow.pdb" -}}
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {{ include "eventflow.fullname" . }}
  labels:
    {{- include "eventflow.labels" . | nindent 4 }}
spec:
  maxUnavailable: {{ .values.pdb.maxUnavailable }}
  selector:
    matchLabels:
      {{- include "eventflow.selectorLabels" . | nindent 6 }}
{{- end -}}
