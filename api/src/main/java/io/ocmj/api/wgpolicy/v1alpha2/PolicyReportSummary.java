package io.ocmj.api.wgpolicy.v1alpha2;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.List;

/** How many results the report holds of each kind. */
public class PolicyReportSummary {
  @JsonPropertyDescription("Results that passed.")
  private int pass;

  @JsonPropertyDescription("Results that failed.")
  private int fail;

  @JsonPropertyDescription("Results that failed with a warning only.")
  private int warn;

  @JsonPropertyDescription("Results the policy could not evaluate.")
  private int error;

  @JsonPropertyDescription("Results not evaluated (pending).")
  private int skip;

  /** The counts of these results. */
  public static PolicyReportSummary of(List<PolicyReportResult> results) {
    PolicyReportSummary s = new PolicyReportSummary();
    for (PolicyReportResult r : results) {
      switch (String.valueOf(r.getResult())) {
        case PolicyReportResult.PASS -> s.pass++;
        case PolicyReportResult.FAIL -> s.fail++;
        case PolicyReportResult.WARN -> s.warn++;
        case PolicyReportResult.ERROR -> s.error++;
        default -> s.skip++;
      }
    }
    return s;
  }

  public int getPass() {
    return pass;
  }

  public void setPass(int pass) {
    this.pass = pass;
  }

  public int getFail() {
    return fail;
  }

  public void setFail(int fail) {
    this.fail = fail;
  }

  public int getWarn() {
    return warn;
  }

  public void setWarn(int warn) {
    this.warn = warn;
  }

  public int getError() {
    return error;
  }

  public void setError(int error) {
    this.error = error;
  }

  public int getSkip() {
    return skip;
  }

  public void setSkip(int skip) {
    this.skip = skip;
  }
}
