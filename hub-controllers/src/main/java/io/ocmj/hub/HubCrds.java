package io.ocmj.hub;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.Kinds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Installs the CRD of every ocmj kind (generated into the ocmj-api jar) and waits until served. */
public final class HubCrds {
  private static final String FIELD_MANAGER = "ocmj-init";

  private HubCrds() {}

  /** The file name the CRD generator gives a kind's CRD. */
  public static String fileOf(Class<? extends CustomResource<?, ?>> kind) {
    return CustomResource.getCRDName(kind) + "-v1.yml";
  }

  /**
   * Applies every CRD of {@link Kinds#ALL} but those of {@link Kinds#MANAGED_CLUSTER_ONLY} and
   * waits for Established; returns their names.
   */
  public static List<String> install(KubernetesClient client) {
    List<String> names = new ArrayList<>();
    for (Class<? extends CustomResource<?, ?>> kind : Kinds.ALL) {
      if (Kinds.MANAGED_CLUSTER_ONLY.contains(kind)) {
        continue;
      }
      String path = "/META-INF/fabric8/" + fileOf(kind);
      try (InputStream in = HubCrds.class.getResourceAsStream(path)) {
        if (in == null) {
          throw new IllegalStateException("CRD " + path + " is missing from the ocmj-api jar");
        }
        CustomResourceDefinition crd =
            client.apiextensions().v1().customResourceDefinitions().load(in).item();
        client.resource(crd).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        names.add(crd.getMetadata().getName());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (String name : names) {
      client
          .apiextensions()
          .v1()
          .customResourceDefinitions()
          .withName(name)
          .waitUntilCondition(
              crd ->
                  crd != null
                      && crd.getStatus() != null
                      && crd.getStatus().getConditions().stream()
                          .anyMatch(
                              c ->
                                  "Established".equals(c.getType())
                                      && "True".equals(c.getStatus())),
              60,
              TimeUnit.SECONDS);
    }
    return names;
  }
}
