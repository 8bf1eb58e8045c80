package io.ocmj.cli.command;

import static org.assertj.core.api.Assertions.assertThat;

import io.ocmj.cli.Ocmj;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code ocmj policy verify} on a suite written here: a passing and a failing case. */
class PolicyVerifyTest {
  @Test
  void verifyReportsEachCaseAndFailsWhenAnAssertionDoesNotHold(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("template.yaml"),
        """
        apiVersion: templates.gatekeeper.sh/v1
        kind: ConstraintTemplate
        metadata: {name: k8snolatest}
        spec:
          crd: {spec: {names: {kind: K8sNoLatest}}}
          targets:
          - target: admission.k8s.gatekeeper.sh
            rego: |
              package k8snolatest
              violation[{"msg": msg}] {
                c := input.review.object.spec.containers[_]
                endswith(c.image, ":latest")
                msg := sprintf("container <%v> uses :latest (%v)", [c.name, {c.image}])
              }
        """);
    Files.writeString(
        dir.resolve("constraint.yaml"),
        """
        apiVersion: constraints.gatekeeper.sh/v1beta1
        kind: K8sNoLatest
        metadata: {name: no-latest}
        spec: {match: {kinds: [{apiGroups: [""], kinds: [Pod]}]}}
        """);
    Files.writeString(
        dir.resolve("bad.yaml"),
        "apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: d}\n"
            + "spec: {containers: [{name: web, image: 'nginx:latest'}]}\n");
    Files.writeString(
        dir.resolve("suite.yaml"),
        """
        kind: Suite
        apiVersion: test.gatekeeper.sh/v1alpha1
        tests:
        - name: no-latest
          template: template.yaml
          constraint: constraint.yaml
          cases:
          - name: latest-is-caught
            object: bad.yaml
            assertions:
            - violations: 1
              message: 'uses :latest \\(\\{"nginx:latest"\\}\\)'
          - name: wrongly-expected-clean
            object: bad.yaml
            assertions:
            - violations: no
        """);
    StringWriter text = new StringWriter();
    CommandLine cli = Ocmj.commandLine();
    cli.setOut(new PrintWriter(text));
    int exit = cli.execute("policy", "verify", dir.toString());
    assertThat(text.toString())
        .contains("PASS " + dir.getFileName() + " / no-latest / latest-is-caught")
        .contains(
            "FAIL "
                + dir.getFileName()
                + " / no-latest / wrongly-expected-clean: expected violations: no")
        .contains("1 suite(s), 1 failing");
    assertThat(exit).isEqualTo(1);
  }
}
