package io.ocmj.policy.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ocmj.api.policy.v1.ConfigurationPolicy;
import io.ocmj.policy.dryrun.InMemoryCluster;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * ConfigurationPolicy evaluations per second with the pure engine, against an in-memory cluster of
 * {@code namespaces} namespaces with a Deployment and a ConfigMap each. Policies: {@code named}
 * (one named object in one namespace), {@code selector} (a ConfigMap in every namespace, through
 * namespaceSelector), {@code templated} (as selector, with a managed-cluster template per object),
 * {@code unnamed} (every Deployment of every selected namespace compared). Not a test: run {@code
 * bin/bench-policy jmh}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class ConfigPolicyEvaluationBenchmark {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  @Param({"50"})
  public int namespaces;

  @Param({"named", "selector", "templated", "unnamed"})
  public String policy;

  private ConfigurationPolicy subject;
  private InMemoryCluster cluster;

  @Setup
  @SuppressWarnings("unchecked")
  public void setUp() throws Exception {
    List<Map<String, Object>> objects = new ArrayList<>();
    for (int i = 0; i < namespaces; i++) {
      String ns = String.format(Locale.ROOT, "app-%03d", i);
      objects.add(
          YAML.readValue(
              "{apiVersion: v1, kind: Namespace, metadata: {name: " + ns + "}}", Map.class));
      objects.add(
          YAML.readValue(
              "{apiVersion: v1, kind: ConfigMap, metadata: {name: settings, namespace: "
                  + ns
                  + "}, data: {mode: strict, owner: "
                  + ns
                  + "}}",
              Map.class));
      objects.add(
          YAML.readValue(
              "{apiVersion: apps/v1, kind: Deployment, metadata: {name: web, namespace: "
                  + ns
                  + "}, spec: {replicas: 2, template: {spec: {containers: [{name: web, image: nginx:1.27,"
                  + " resources: {limits: {memory: 256Mi}}}]}}}}",
              Map.class));
    }
    cluster = new InMemoryCluster(objects);
    String templates =
        switch (policy) {
          case "named" ->
              "- complianceType: musthave\n  objectDefinition: {apiVersion: v1, kind: ConfigMap,"
                  + " metadata: {name: settings, namespace: app-000}, data: {mode: strict}}";
          case "selector" ->
              "- complianceType: musthave\n  objectDefinition: {apiVersion: v1, kind: ConfigMap,"
                  + " metadata: {name: settings}, data: {mode: strict}}";
          case "templated" ->
              "- complianceType: musthave\n  objectDefinition: {apiVersion: v1, kind: ConfigMap,"
                  + " metadata: {name: settings}, data: {owner: '{{ .ObjectNamespace }}'}}";
          default ->
              "- complianceType: musthave\n  objectDefinition: {apiVersion: apps/v1, kind:"
                  + " Deployment, spec: {template: {spec: {containers: [{name: web, resources:"
                  + " {limits: {memory: 256Mi}}}]}}}}";
        };
    subject =
        YAML.readValue(
            "apiVersion: policy.open-cluster-management.io/v1\nkind: ConfigurationPolicy\n"
                + "metadata: {name: bench, namespace: c1}\nspec:\n  remediationAction: inform\n"
                + "  namespaceSelector: {include: ['app-*']}\n  object-templates:\n"
                + templates.indent(2),
            ConfigurationPolicy.class);
  }

  @Benchmark
  public Evaluation evaluate() {
    return ConfigPolicyEvaluator.evaluate(
        subject, cluster, ConfigPolicyEvaluator.Options.informOnly());
  }
}
