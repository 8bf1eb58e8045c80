package io.ocmj.api.gitops.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.kubernetes.api.model.Condition;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** What was applied and how the last attempt went. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class GitSyncStatus extends UnknownFields {
  @JsonPropertyDescription("Ready, Reconciling, Stalled (kstatus).")
  private List<Condition> conditions = new ArrayList<>();

  @JsonPropertyDescription("The generation that reached Ready or Stalled.")
  private Long observedGeneration;

  @JsonPropertyDescription("The revision applied, e.g. main@sha1:<sha>.")
  private String lastAppliedRevision;

  @JsonPropertyDescription("The revision last tried.")
  private String lastAttemptedRevision;

  @JsonPropertyDescription("The last reconcile.fluxcd.io/requestedAt value acted on.")
  private String lastHandledReconcileAt;

  @JsonPropertyDescription("What is applied.")
  private Inventory inventory;

  @JsonPropertyDescription(
      "What an attempt that has not finished may have applied; pruned with the old inventory when it is superseded.")
  private Inventory pendingInventory;

  @JsonPropertyDescription("Per-object failures of the last attempt.")
  private List<SyncFailure> failures = new ArrayList<>();

  @JsonPropertyDescription("Path of this GitSync's webhook on the hub's receiver.")
  private String webhookPath;

  @JsonPropertyDescription(
      "The compliance snapshots on the reports branch, when spec.reports is set.")
  private ReportsStatus reports;

  public ReportsStatus getReports() {
    return reports;
  }

  public void setReports(ReportsStatus reports) {
    this.reports = reports;
  }

  public List<Condition> getConditions() {
    return conditions;
  }

  public void setConditions(List<Condition> conditions) {
    this.conditions = conditions;
  }

  public Long getObservedGeneration() {
    return observedGeneration;
  }

  public void setObservedGeneration(Long observedGeneration) {
    this.observedGeneration = observedGeneration;
  }

  public String getLastAppliedRevision() {
    return lastAppliedRevision;
  }

  public void setLastAppliedRevision(String lastAppliedRevision) {
    this.lastAppliedRevision = lastAppliedRevision;
  }

  public String getLastAttemptedRevision() {
    return lastAttemptedRevision;
  }

  public void setLastAttemptedRevision(String lastAttemptedRevision) {
    this.lastAttemptedRevision = lastAttemptedRevision;
  }

  public String getLastHandledReconcileAt() {
    return lastHandledReconcileAt;
  }

  public void setLastHandledReconcileAt(String lastHandledReconcileAt) {
    this.lastHandledReconcileAt = lastHandledReconcileAt;
  }

  public Inventory getInventory() {
    return inventory;
  }

  public void setInventory(Inventory inventory) {
    this.inventory = inventory;
  }

  public Inventory getPendingInventory() {
    return pendingInventory;
  }

  public void setPendingInventory(Inventory pendingInventory) {
    this.pendingInventory = pendingInventory;
  }

  public List<SyncFailure> getFailures() {
    return failures;
  }

  public void setFailures(List<SyncFailure> failures) {
    this.failures = failures;
  }

  public String getWebhookPath() {
    return webhookPath;
  }

  public void setWebhookPath(String webhookPath) {
    this.webhookPath = webhookPath;
  }
}
