package io.ocmj.api.addon.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.ocmj.api.UnknownFields;

/** Proxy settings of the agent on the managed cluster. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public class ProxyConfig extends UnknownFields {
  @JsonPropertyDescription("URL of the proxy for HTTP requests.")
  private String httpProxy;

  @JsonPropertyDescription("URL of the proxy for HTTPS requests.")
  private String httpsProxy;

  // []byte in Go, so base64 in JSON; kept as that string.
  @JsonPropertyDescription("Base64-encoded CA bundle to verify an HTTPS proxy with.")
  private String caBundle;

  @JsonPropertyDescription("Comma-separated hosts, CIDRs and IPs reached without the proxy.")
  private String noProxy;

  public String getHttpProxy() {
    return httpProxy;
  }

  public void setHttpProxy(String httpProxy) {
    this.httpProxy = httpProxy;
  }

  public String getHttpsProxy() {
    return httpsProxy;
  }

  public void setHttpsProxy(String httpsProxy) {
    this.httpsProxy = httpsProxy;
  }

  public String getCaBundle() {
    return caBundle;
  }

  public void setCaBundle(String caBundle) {
    this.caBundle = caBundle;
  }

  public String getNoProxy() {
    return noProxy;
  }

  public void setNoProxy(String noProxy) {
    this.noProxy = noProxy;
  }
}
