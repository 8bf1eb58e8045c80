{{- define "ocmj-hub.labels" -}}
app.kubernetes.io/name: ocmj-hub
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}

{{- define "ocmj-hub.selector" -}}
app.kubernetes.io/name: ocmj-hub
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "ocmj-hub.image" -}}
{{ .Values.image.repository }}:{{ .Values.image.tag | default .Chart.AppVersion }}
{{- end }}
