package io.ocmj.klusterlet.registration;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.ocmj.api.operator.v1.Klusterlet;
import io.ocmj.api.operator.v1.KlusterletSpec;
import io.ocmj.api.status.Conditions;
import io.ocmj.klusterlet.status.StatusApply;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The agent's Klusterlet on the managed cluster and its {@code HubConnectionDegraded} condition, so
 * that an admin of the managed cluster sees why the agent cannot reach the hub (OCM's klusterlet
 * operator reports the same condition). Written only when the condition changes.
 */
final class KlusterletReport {
  private final KubernetesClient managed;
  private final String name;
  private final String clusterName;
  private final String namespace;
  private final String fieldManager;
  private final Clock clock;
  private Condition lastWritten;

  KlusterletReport(
      KubernetesClient managed,
      String name,
      String clusterName,
      String namespace,
      String fieldManager,
      Clock clock) {
    this.managed = managed;
    this.name = name;
    this.clusterName = clusterName;
    this.namespace = namespace;
    this.fieldManager = fieldManager;
    this.clock = clock;
  }

  /** Installs the Klusterlet CRD and applies this agent's Klusterlet spec. */
  void ensure() {
    AgentCrds.install(managed, fieldManager, AgentCrds.KLUSTERLETS);
    Klusterlet klusterlet = new Klusterlet();
    klusterlet.getMetadata().setName(name);
    KlusterletSpec spec = new KlusterletSpec();
    spec.setClusterName(clusterName);
    spec.setNamespace(namespace);
    klusterlet.setSpec(spec);
    managed.resource(klusterlet).fieldManager(fieldManager).forceConflicts().serverSideApply();
  }

  void hubConnectionFunctional() {
    hubConnection(
        Conditions.FALSE,
        Klusterlet.REASON_HUB_CONNECTION_FUNCTIONAL,
        "Hub connection is functional");
  }

  void hubConnectionDegraded(String reason, String message) {
    hubConnection(Conditions.TRUE, reason, message);
  }

  private void hubConnection(String status, String reason, String message) {
    if (lastWritten != null
        && lastWritten.getStatus().equals(status)
        && lastWritten.getReason().equals(reason)
        && lastWritten.getMessage().equals(message)) {
      return;
    }
    Klusterlet current = managed.resources(Klusterlet.class).withName(name).get();
    if (current == null) {
      ensure();
      current = managed.resources(Klusterlet.class).withName(name).require();
    }
    List<Condition> conditions =
        new ArrayList<>(
            current.getStatus() == null ? List.of() : current.getStatus().getConditions());
    Long generation = current.getMetadata().getGeneration();
    Conditions.set(
        conditions,
        Klusterlet.CONDITION_HUB_CONNECTION_DEGRADED,
        status,
        reason,
        message,
        generation,
        clock.instant());
    Condition condition =
        Conditions.find(conditions, Klusterlet.CONDITION_HUB_CONNECTION_DEGRADED).orElseThrow();
    StatusApply.apply(
        managed,
        current,
        Map.of("observedGeneration", generation, "conditions", List.of(condition)),
        fieldManager);
    lastWritten = condition;
  }
}
