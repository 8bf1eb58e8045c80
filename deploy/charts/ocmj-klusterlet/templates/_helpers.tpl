{{- define "ocmj-klusterlet.labels" -}}
app.kubernetes.io/name: ocmj-klusterlet
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end }}

{{- define "ocmj-klusterlet.selector" -}}
app.kubernetes.io/name: ocmj-klusterlet
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{- define "ocmj-klusterlet.checks" -}}
{{- if ne .Release.Namespace "open-cluster-management-agent" }}
{{- fail (printf "install ocmj-klusterlet into namespace open-cluster-management-agent (the agent keeps its hub identity there, as OCM's does), not %q" .Release.Namespace) }}
{{- end }}
{{- if not (regexMatch "^[a-z0-9]([-a-z0-9]*[a-z0-9])?$" (required "clusterName is required: the cluster's name on the hub" .Values.clusterName)) }}
{{- fail (printf "clusterName %q: must be a DNS-1123 label (lower-case letters, digits and '-')" .Values.clusterName) }}
{{- end }}
{{- if not (has .Values.policyAgent (list "in-process" "deployment")) }}
{{- fail (printf "policyAgent %q: must be in-process or deployment" .Values.policyAgent) }}
{{- end }}
{{- end }}
