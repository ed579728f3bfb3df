{{/* The release's prefix of every object name: <release>-energywatch, or the release name when it says energywatch. */}}
{{- define "energywatch.fullname" -}}
{{- if contains "energywatch" .Release.Name -}}
{{- .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- else -}}
{{- printf "%s-energywatch" .Release.Name | trunc 40 | trimSuffix "-" -}}
{{- end -}}
{{- end -}}

{{/* The name of one service's objects: <fullname>-<service>. Argument: (list $ "fusion"). */}}
{{- define "energywatch.serviceName" -}}
{{- $root := index . 0 -}}
{{- printf "%s-%s" (include "energywatch.fullname" $root) (index . 1) -}}
{{- end -}}

{{/* The artifact (and image) name of a service: the gateway is "gateway", the others "<name>-service". */}}
{{- define "energywatch.artifact" -}}
{{- if eq . "gateway" -}}gateway{{- else -}}{{ . }}-service{{- end -}}
{{- end -}}

{{- define "energywatch.labels" -}}
app.kubernetes.io/part-of: energywatch
app.kubernetes.io/instance: {{ .Release.Name }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/* Selector labels of one service. Argument: (list $ "fusion"). */}}
{{- define "energywatch.selectorLabels" -}}
{{- $root := index . 0 -}}
app.kubernetes.io/name: {{ include "energywatch.artifact" (index . 1) }}
app.kubernetes.io/instance: {{ $root.Release.Name }}
{{- end -}}

{{- define "energywatch.image" -}}
{{- $root := index . 0 -}}
{{- $name := include "energywatch.artifact" (index . 1) -}}
{{- $tag := default $root.Chart.AppVersion $root.Values.image.tag -}}
{{- if $root.Values.image.registry -}}
{{- printf "%s/%s:%s" (trimSuffix "/" $root.Values.image.registry) $name $tag -}}
{{- else -}}
{{- printf "%s:%s" $name $tag -}}
{{- end -}}
{{- end -}}

{{- define "energywatch.secretName" -}}
{{- default (printf "%s-stores" (include "energywatch.fullname" .)) .Values.existingSecret -}}
{{- end -}}

{{/* Services that keep models in the shared registry volume. */}}
{{- define "energywatch.usesRegistry" -}}
{{- if has . (list "anomaly" "prediction" "drift") -}}true{{- end -}}
{{- end -}}
