package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;

/**
 * The CRDs the agent keeps on its managed cluster, read from the ocmj-api jar; {@link #install}
 * returns once the CRD is served.
 */
public final class AgentCrds {
  public static final String CLUSTER_CLAIMS = "clusterclaims.cluster.open-cluster-management.io";
  public static final String KLUSTERLETS = "klusterlets.operator.open-cluster-management.io";
  public static final String APPLIED_MANIFEST_WORKS =
      "appliedmanifestworks.work.open-cluster-management.io";

  private AgentCrds() {}

  /**
   * Installs the CRD unless the cluster has it already (say, from Kyverno or Policy Reporter, whose
   * copy of a shared kind stays as it is); returns once it is served.
   */
  public static void installIfAbsent(
      KubernetesClient managed, String fieldManager, String crdName) {
    if (managed.apiextensions().v1().customResourceDefinitions().withName(crdName).get() == null) {
      install(managed, fieldManager, crdName);
    }
  }

  public static void install(KubernetesClient managed, String fieldManager, String crdName) {
    String resource = "/META-INF/fabric8/" + crdName + "-v1.yml";
    try (InputStream in = AgentCrds.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(
            "the CRD " + resource + " is missing from the ocmj-api jar");
      }
      CustomResourceDefinition crd =
          managed.apiextensions().v1().customResourceDefinitions().load(in).item();
      managed.resource(crd).fieldManager(fieldManager).forceConflicts().serverSideApply();
      // Objects of a new kind are refused (404) until the API server has established its CRD.
      managed
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName(crdName)
          .waitUntilCondition(AgentCrds::established, 30, TimeUnit.SECONDS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the API server serves the CRD's kind (condition Established=True). */
  public static boolean established(CustomResourceDefinition crd) {
    return crd != null
        && crd.getStatus() != null
        && crd.getStatus().getConditions() != null
        && crd.getStatus().getConditions().stream()
            .anyMatch(c -> "Established".equals(c.getType()) && "True".equals(c.getStatus()));
  }
}
