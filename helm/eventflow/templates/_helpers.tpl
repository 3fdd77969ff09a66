{{- define "eventflow.labels" -}}
app.kubernetes.io/part-of: eventflow
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ .Chart.Name }}-{{ .Chart.Version }}
{{- end -}}

{{- define "eventflow.image" -}}
{{- $registry := .root.Values.image.registry -}}
{{- if $registry }}{{ $registry }}/{{ end }}{{ .image }}:{{ .root.Values.image.tag }}
{{- end -}}

{{- define "eventflow.dbSecret" -}}
{{- default (printf "%s-db" .Release.Name) .Values.database.existingSecret -}}
{{- end -}}

{{- define "eventflow.probes" -}}
livenessProbe:
  httpGet: {path: /health/live, port: http}
  initialDelaySeconds: 20
  periodSeconds: 10
readinessProbe:
  httpGet: {path: /health/ready, port: http}
  initialDelaySeconds: 10
  periodSeconds: 5
{{- end -}}
