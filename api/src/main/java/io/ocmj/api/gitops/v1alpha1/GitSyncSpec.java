package io.ocmj.api.gitops.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.ocmj.api.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/** Where to take objects from and how to apply them. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class GitSyncSpec extends UnknownFields {
  @JsonPropertyDescription("Repository URL: https://, http://, ssh:// or file://.")
  @Required
  @Pattern("^(https?|ssh|file)://.+$")
  private String url;

  @JsonPropertyDescription("Revision to follow (default: branch main).")
  private GitRef ref;

  @JsonPropertyDescription(
      "Folders in the repository whose *.yaml/*.yml files (recursively) are applied (default: the root).")
  private List<String> paths = new ArrayList<>();

  @JsonPropertyDescription(
      "How often to fetch and correct drift, a Go duration such as 5m or 30s (default 5m).")
  @Pattern("^([0-9]+(\\.[0-9]+)?(ms|s|m|h))+$")
  private String interval;

  @JsonPropertyDescription(
      "Credentials: username/password (HTTPS basic or token), or identity/known_hosts (SSH).")
  private LocalObjectReference secretRef;

  @JsonPropertyDescription("A webhook that triggers a sync at once.")
  private WebhookSpec webhook;

  @JsonPropertyDescription("Commit a compliance snapshot of this GitSync's Policies to a branch.")
  private ReportsSpec reports;

  @JsonPropertyDescription("Delete objects removed from Git (default true).")
  private Boolean prune;

  @JsonPropertyDescription("Stop applying, correcting drift and pruning; what is applied stays.")
  private boolean suspend;

  @JsonPropertyDescription(
      "Namespace for namespaced objects that name none (default: the GitSync's).")
  private String targetNamespace;

  @JsonPropertyDescription(
      "Apply as this ServiceAccount of the GitSync's namespace (impersonation); unset = the controller's identity.")
  private String serviceAccountName;

  @JsonPropertyDescription("Take over fields other managers own instead of reporting the conflict.")
  private boolean force;

  public String getUrl() {
    return url;
  }

  public void setUrl(String url) {
    this.url = url;
  }

  public GitRef getRef() {
    return ref;
  }

  public void setRef(GitRef ref) {
    this.ref = ref;
  }

  public List<String> getPaths() {
    return paths;
  }

  public void setPaths(List<String> paths) {
    this.paths = paths;
  }

  public String getInterval() {
    return interval;
  }

  public void setInterval(String interval) {
    this.interval = interval;
  }

  public LocalObjectReference getSecretRef() {
    return secretRef;
  }

  public void setSecretRef(LocalObjectReference secretRef) {
    this.secretRef = secretRef;
  }

  public WebhookSpec getWebhook() {
    return webhook;
  }

  public void setWebhook(WebhookSpec webhook) {
    this.webhook = webhook;
  }

  public ReportsSpec getReports() {
    return reports;
  }

  public void setReports(ReportsSpec reports) {
    this.reports = reports;
  }

  public Boolean getPrune() {
    return prune;
  }

  public void setPrune(Boolean prune) {
    this.prune = prune;
  }

  public boolean isSuspend() {
    return suspend;
  }

  public void setSuspend(boolean suspend) {
    this.suspend = suspend;
  }

  public String getTargetNamespace() {
    return targetNamespace;
  }

  public void setTargetNamespace(String targetNamespace) {
    this.targetNamespace = targetNamespace;
  }

  public String getServiceAccountName() {
    return serviceAccountName;
  }

  public void setServiceAccountName(String serviceAccountName) {
    this.serviceAccountName = serviceAccountName;
  }

  public boolean isForce() {
    return force;
  }

  public void setForce(boolean force) {
    this.force = force;
  }
}
