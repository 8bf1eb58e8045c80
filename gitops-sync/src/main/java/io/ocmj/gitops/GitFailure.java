package io.ocmj.gitops;

import io.ocmj.api.gitops.v1alpha1.GitSync;

/** Fetching failed: Flux's reason ({@code GitOperationFailed}, {@code AuthenticationFailed}). */
public final class GitFailure extends Exception {
  private final String reason;

  public GitFailure(String reason, String message) {
    super(message);
    this.reason = reason;
  }

  public static GitFailure of(String url, Exception e) {
    String message = Redact.url(String.valueOf(e.getMessage()));
    String lower = message.toLowerCase(java.util.Locale.ROOT);
    boolean auth =
        lower.contains("not authorized")
            || lower.contains("authentication")
            || lower.contains("401 unauthorized")
            || lower.contains("403 forbidden");
    return new GitFailure(
        auth ? GitSync.REASON_AUTH_FAILED : GitSync.REASON_GIT_FAILED,
        message.contains(Redact.url(url)) ? message : Redact.url(url) + ": " + message);
  }

  public String reason() {
    return reason;
  }
}
