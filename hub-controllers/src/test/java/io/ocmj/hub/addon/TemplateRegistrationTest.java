package io.ocmj.hub.addon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.ocmj.api.addon.v1alpha1.AddOnTemplate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An AddOnTemplate's registrations, as the hub reads them. */
class TemplateRegistrationTest {
  private static TemplateAgent agent(String registration) {
    return new TemplateAgent(
        Serialization.unmarshal(
            """
            apiVersion: addon.open-cluster-management.io/v1alpha1
            kind: AddOnTemplate
            metadata: {name: t}
            spec:
              addonName: a
              agentSpec: {workload: {manifests: []}}
              registration:
            %s
            """
                .formatted(registration.indent(2)),
            AddOnTemplate.class));
  }

  @Test
  void kubeClientClusterRolesAndCustomSignersAreReadApart() {
    TemplateAgent agent =
        agent(
            """
            - type: KubeClient
              kubeClient:
                hubPermissions:
                - type: CurrentCluster
                  currentCluster: {clusterRoleName: reader}
            - type: CustomSigner
              customSigner:
                signerName: example.com/signer
                subject: {user: u, groups: [g]}
                signingCA: {name: ca, namespace: addons}
            """);
    assertThat(agent.hubClusterRoles()).containsExactly("reader");
    assertThat(agent.customSigners())
        .containsExactly(new CustomSigner("example.com/signer", "u", List.of("g"), "addons", "ca"));
  }

  @Test
  void badRegistrationsAreNamedByTheirPath() {
    assertThatThrownBy(
            () ->
                agent(
                        """
                        - type: CustomSigner
                          customSigner:
                            signerName: example.com/s
                            signingCA: {name: ca, namespace: addons}
                        - type: CustomSigner
                          customSigner:
                            signerName: example.com/s
                            signingCA: {name: other, namespace: addons}
                        """)
                    .customSigners())
        .hasMessageContaining("signer example.com/s is declared twice");
    assertThatThrownBy(
            () ->
                agent(
                        """
                        - type: CustomSigner
                          customSigner:
                            signerName: example.com/s
                            subject: {user: u, organizationUnit: [ou]}
                            signingCA: {name: ca, namespace: addons}
                        """)
                    .customSigners())
        .hasMessage(
            "AddOnTemplate t spec.registration[0].customSigner.subject.organizationUnit: not"
                + " supported yet (user and groups only)");
    assertThatThrownBy(
            () ->
                agent(
                        """
                        - type: CustomSigner
                          customSigner:
                            signerName: example.com/s
                        """)
                    .customSigners())
        .hasMessageStartingWith("AddOnTemplate t spec.registration[0].customSigner: signer")
        .hasMessageContaining("signingCA needs a name and a namespace");
    assertThatThrownBy(
            () ->
                agent(
                        """
                        - type: KubeClient
                          kubeClient:
                            hubPermissions:
                            - type: CurrentCluster
                              currentCluster: {}
                        """)
                    .hubClusterRoles())
        .hasMessage(
            "AddOnTemplate t spec.registration[0].kubeClient.hubPermissions[0]"
                + ".currentCluster.clusterRoleName: required");
  }
}
