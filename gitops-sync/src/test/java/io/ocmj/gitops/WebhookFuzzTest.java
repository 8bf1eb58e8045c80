package io.ocmj.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Fuzzing of the GitSync webhook receiver with forged calls: random bodies with random signatures
 * in each header it reads, signatures made with another token, and a body signed for one route sent
 * to another. Each is refused with 401 and never requests a sync (the receiver's API client points
 * at nothing, so a sync request would answer 500).
 */
class WebhookFuzzTest {
  private static final String TOKEN = "the-real-token";
  private static final List<String> HEADERS =
      List.of("X-Hub-Signature-256", "X-Hub-Signature", "X-Gitlab-Token", "X-Signature");
  private static WebhookReceiver receiver;
  private static KubernetesClient nowhere;
  private static String path;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeContainer
  static void start() throws Exception {
    Config config =
        new ConfigBuilder(Config.empty())
            .withMasterUrl("https://127.0.0.1:1")
            .withRequestRetryBackoffLimit(0)
            .withConnectionTimeout(500)
            .build();
    nowhere = new KubernetesClientBuilder().withConfig(config).build();
    WebhookRoutes routes = new WebhookRoutes();
    path = routes.put("gitops", "fleet", TOKEN);
    routes.put("gitops", "other", "another-token");
    receiver =
        WebhookReceiver.start(
            new InetSocketAddress("127.0.0.1", 0), routes, nowhere, Clock.systemUTC());
  }

  @AfterContainer
  static void stop() {
    receiver.close();
    nowhere.close();
  }

  @Property
  void forgedSignaturesAreRefused(
      @ForAll("headers") String header,
      @ForAll("signatures") String signature,
      @ForAll("bodies") byte[] body)
      throws Exception {
    assertThat(post(path, header, signature, body)).isEqualTo(401);
  }

  @Property
  void signaturesWithAnotherTokenAreRefused(
      @ForAll("tokens") String token, @ForAll("bodies") byte[] body) throws Exception {
    String sig = "sha256=" + hmac("HmacSHA256", token, body);
    assertThat(post(path, "X-Hub-Signature-256", sig, body)).isEqualTo(401);
    assertThat(post(path, "X-Signature", sig, body)).isEqualTo(401);
    assertThat(post(path, "X-Gitlab-Token", token, body)).isEqualTo(401);
  }

  @Property(tries = 5)
  void aCallSignedRightRequestsTheSync(@ForAll("bodies") byte[] body) throws Exception {
    // The control: the same receiver does act on a correct signature (and, with no API server
    // to reach, answers 500), so the 401s above are refusals, not a receiver that never acts.
    String sig = "sha256=" + hmac("HmacSHA256", TOKEN, body);
    assertThat(post(path, "X-Hub-Signature-256", sig, body)).isEqualTo(500);
  }

  private static int post(String to, String header, String value, byte[] body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + receiver.port() + to))
            .POST(HttpRequest.BodyPublishers.ofByteArray(body));
    if (!value.isEmpty()) {
      request.header(header, value);
    }
    return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
  }

  private static String hmac(String algorithm, String key, byte[] body) throws Exception {
    Mac mac = Mac.getInstance(algorithm);
    mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
    return HexFormat.of().formatHex(mac.doFinal(body));
  }

  @Provide
  Arbitrary<String> headers() {
    return Arbitraries.of(HEADERS);
  }

  /** Random values, and random hex behind each prefix the receiver knows. */
  @Provide
  Arbitrary<String> signatures() {
    Arbitrary<String> hex =
        Arbitraries.strings().withChars("0123456789abcdefABCDEF").ofMaxLength(130);
    return Arbitraries.oneOf(
        Arbitraries.strings()
            .ofMaxLength(200)
            .filter(s -> s.chars().allMatch(c -> c >= 32 && c < 127)),
        Combinators.combine(Arbitraries.of("sha1=", "sha256=", "sha512=", "md5=", "=", ""), hex)
            .as(String::concat));
  }

  @Provide
  Arbitrary<byte[]> bodies() {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(2048);
  }

  @Provide
  Arbitrary<String> tokens() {
    return Arbitraries.strings()
        .alpha()
        .numeric()
        .ofMinLength(1)
        .ofMaxLength(40)
        .filter(t -> !t.equals(TOKEN));
  }
}
