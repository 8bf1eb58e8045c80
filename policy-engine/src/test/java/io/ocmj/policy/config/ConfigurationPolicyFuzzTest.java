package io.ocmj.policy.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.ocmj.api.policy.v1.ConfigurationPolicy;
import io.ocmj.policy.dryrun.InMemoryCluster;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing of ConfigurationPolicy specs as users (and hub templates) write them: object templates
 * with odd kinds, names, compliance types and values, managed-cluster templates that are half
 * right, raw templates, namespace selectors with broken globs and label expressions. A spec the CRD
 * schema would refuse (a type mismatch) is skipped; any other spec is evaluated, informing and
 * enforcing, on an in-memory cluster, and must end in Compliant or NonCompliant with a message:
 * never an exception.
 */
class ConfigurationPolicyFuzzTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> TEMPLATE_BITS =
      List.of(
          "{{",
          "}}",
          "{{ .ObjectName }}",
          "{{ .ObjectNamespace }}",
          "{{ fromSecret \"default\" \"s\" \"k\" }}",
          "{{ fromConfigMap \"default\" \"cm\" \"k\" }}",
          "{{ lookup \"v1\" \"ConfigMap\" \"default\" \"cm\" }}",
          "{{ range $i, $e := (lookup \"v1\" \"Namespace\" \"\" \"\").items }}",
          "{{ end }}",
          "{{ if }}",
          "{{ else }}",
          "{{ printf \"%s\" 1 }}",
          "{{ index . 99 }}",
          "{{ toInt \"x\" }}",
          "{{ base64dec \"!!\" }}",
          "{{ hub .ManagedClusterName hub }}",
          "{{- ",
          " -}}",
          "|",
          "(",
          ")",
          "$x",
          ":=",
          "\"",
          "'",
          "\n",
          "- ",
          "  ",
          "kind: ConfigMap\n",
          "apiVersion: v1\n",
          "object-templates:\n",
          "complianceType: musthave\n",
          "objectDefinition:\n");

  @Property
  void anySpecEvaluatesToAComplianceWithAMessage(@ForAll("specs") Map<String, Object> spec) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("apiVersion", "policy.open-cluster-management.io/v1");
    object.put("kind", "ConfigurationPolicy");
    object.put("metadata", Map.of("name", "fuzz", "namespace", "cluster1"));
    object.put("spec", spec);
    ConfigurationPolicy policy;
    try {
      policy = JSON.convertValue(object, ConfigurationPolicy.class);
    } catch (IllegalArgumentException e) {
      Assume.that(false); // the CRD's schema refuses it before any agent sees it
      return;
    }
    for (ConfigPolicyEvaluator.Options options :
        List.of(
            ConfigPolicyEvaluator.Options.informOnly(),
            ConfigPolicyEvaluator.Options.enforcing())) {
      Evaluation e = ConfigPolicyEvaluator.evaluate(policy, cluster(), options);
      assertThat(e.compliant()).isIn(Evaluation.COMPLIANT, Evaluation.NON_COMPLIANT);
      assertThat(e.templates()).allSatisfy(t -> assertThat(t).isNotNull());
      assertThat(e.message()).as("the compliance message").isNotBlank();
    }
  }

  private static InMemoryCluster cluster() {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (String ns : List.of("default", "team-a", "team-b", "kube-system")) {
      objects.add(
          new LinkedHashMap<>(
              Map.of(
                  "apiVersion", "v1",
                  "kind", "Namespace",
                  "metadata",
                      new LinkedHashMap<>(Map.of("name", ns, "labels", Map.of("team", ns))))));
      objects.add(
          new LinkedHashMap<>(
              Map.of(
                  "apiVersion",
                  "v1",
                  "kind",
                  "ConfigMap",
                  "metadata",
                  new LinkedHashMap<>(Map.of("name", "cm", "namespace", ns)),
                  "data",
                  new LinkedHashMap<>(Map.of("k", "v")))));
    }
    return new InMemoryCluster(objects);
  }

  @Provide
  Arbitrary<Map<String, Object>> specs() {
    return Combinators.combine(
            Arbitraries.of("inform", "enforce", "InformOnly", "Enforce", "", "audit"),
            objectTemplates().list().ofMaxSize(4),
            raw().injectNull(0.7),
            selector().injectNull(0.5))
        .as(
            (action, templates, raw, selector) -> {
              Map<String, Object> spec = new LinkedHashMap<>();
              spec.put("remediationAction", action);
              spec.put("object-templates", templates);
              if (raw != null) {
                spec.put("object-templates-raw", raw);
              }
              if (selector != null) {
                spec.put("namespaceSelector", selector);
              }
              return spec;
            });
  }

  private Arbitrary<Map<String, Object>> objectTemplates() {
    return Combinators.combine(
            Arbitraries.of("musthave", "mustnothave", "mustonlyhave", "MustHave", "sometimes"),
            Arbitraries.of(
                "v1|ConfigMap", "v1|Namespace", "apps/v1|Deployment", "v1|Secret", "x/y|Z", "|"),
            text().injectNull(0.2),
            Arbitraries.of("default", "team-a", "", "nowhere").injectNull(0.4),
            values())
        .as(
            (compliance, gvk, name, namespace, data) -> {
              Map<String, Object> metadata = new LinkedHashMap<>();
              if (name != null) {
                metadata.put("name", name);
              }
              if (namespace != null) {
                metadata.put("namespace", namespace);
              }
              Map<String, Object> definition = new LinkedHashMap<>();
              definition.put("apiVersion", gvk.substring(0, gvk.indexOf('|')));
              definition.put("kind", gvk.substring(gvk.indexOf('|') + 1));
              definition.put("metadata", metadata);
              definition.put("data", data);
              Map<String, Object> template = new LinkedHashMap<>();
              template.put("complianceType", compliance);
              template.put("objectDefinition", definition);
              return template;
            });
  }

  private Arbitrary<Object> values() {
    return Arbitraries.oneOf(
        text().map(t -> (Object) t),
        Arbitraries.integers().map(i -> (Object) i),
        Arbitraries.maps(Arbitraries.strings().alpha().ofMaxLength(5), text())
            .ofMaxSize(3)
            .map(m -> (Object) m),
        text().list().ofMaxSize(3).map(l -> (Object) l));
  }

  private Arbitrary<String> text() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(20),
        Arbitraries.of(TEMPLATE_BITS).list().ofMaxSize(6).map(l -> String.join("", l)));
  }

  private Arbitrary<String> raw() {
    return Arbitraries.of(TEMPLATE_BITS).list().ofMaxSize(30).map(l -> String.join("", l));
  }

  private Arbitrary<Map<String, Object>> selector() {
    return Combinators.combine(
            Arbitraries.of("*", "team-*", "[", "team-[a-", "\\", "?", "").list().ofMaxSize(3),
            Arbitraries.of("kube-*", "[!", "team-b").list().ofMaxSize(2),
            Arbitraries.of("In", "NotIn", "Exists", "DoesNotExist", "Bogus"),
            Arbitraries.of("team", "", "a/b/c", "-x"))
        .as(
            (include, exclude, operator, key) -> {
              Map<String, Object> s = new LinkedHashMap<>();
              s.put("include", include);
              s.put("exclude", exclude);
              s.put(
                  "matchExpressions",
                  List.of(Map.of("key", key, "operator", operator, "values", List.of("team-a"))));
              return s;
            });
  }
}
