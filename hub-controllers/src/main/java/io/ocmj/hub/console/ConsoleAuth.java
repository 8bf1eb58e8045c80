package io.ocmj.hub.console;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.api.model.authentication.UserInfo;
import io.fabric8.kubernetes.api.model.authentication.UserInfoBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who a console request comes from, asked of the hub's API server as Kubernetes' own aggregated
 * servers do: a bearer token is checked with a TokenReview (a client certificate is checked by the
 * TLS handshake, {@link ConsoleTls}), and what its user may list with SubjectAccessReviews (the
 * user's own RBAC, groups included). Answers are kept for {@link #TTL} (keyed by the token's
 * SHA-256, never the token), so a page and its live updates do not cost a review each.
 */
public final class ConsoleAuth {
  /** How long a TokenReview or SubjectAccessReview answer is reused. */
  static final Duration TTL = Duration.ofSeconds(30);

  private static final int MAX_CACHED = 10_000;

  private final KubernetesClient hub;
  private final Clock clock;
  private final Map<String, Cached<Optional<UserInfo>>> tokens = new ConcurrentHashMap<>();
  private final Map<List<Object>, Cached<Boolean>> access = new ConcurrentHashMap<>();

  private record Cached<T>(T value, Instant until) {}

  public ConsoleAuth(KubernetesClient hub, Clock clock) {
    this.hub = hub;
    this.clock = clock;
  }

  /** The viewer holding {@code token}, or empty when the API server does not know the token. */
  public Optional<Viewer> viewer(String token) {
    // Only accepted tokens are kept: made-up ones would fill the cache and push real ones out.
    String digest = sha256(token);
    Optional<UserInfo> user = cached(tokens, digest, () -> review(token));
    if (user.isEmpty()) {
      tokens.remove(digest);
    }
    return user.map(this::viewerOf);
  }

  /**
   * The viewer a verified client certificate names: its user and groups, with {@code
   * system:authenticated} as the API server adds it to every user it authenticates.
   */
  Viewer viewer(ConsoleTls.CertificateUser user) {
    List<String> groups = new ArrayList<>(user.groups());
    if (!groups.contains(AUTHENTICATED)) {
      groups.add(AUTHENTICATED);
    }
    return viewerOf(new UserInfoBuilder().withUsername(user.name()).withGroups(groups).build());
  }

  private static final String AUTHENTICATED = "system:authenticated";

  private Optional<UserInfo> review(String token) {
    TokenReview review =
        hub.resource(new TokenReviewBuilder().withNewSpec().withToken(token).endSpec().build())
            .create();
    if (review.getStatus() == null
        || !Boolean.TRUE.equals(review.getStatus().getAuthenticated())
        || review.getStatus().getUser() == null) {
      return Optional.empty();
    }
    return Optional.of(review.getStatus().getUser());
  }

  private Viewer viewerOf(UserInfo user) {
    return new Viewer() {
      @Override
      public String name() {
        return user.getUsername();
      }

      @Override
      public boolean mayList(String group, String resource, String namespace) {
        // Everything the API server decides on: the user, groups and extra (scoped tokens of one
        // user differ there), the kind and the namespace (absent is not the namespace "null").
        List<Object> key =
            Arrays.asList(
                user.getUsername(),
                user.getUid(),
                new TreeSet<>(Optional.ofNullable(user.getGroups()).orElse(List.of())),
                new TreeMap<>(Optional.ofNullable(user.getExtra()).orElse(Map.of())),
                group,
                resource,
                Optional.ofNullable(namespace));
        return cached(access, key, () -> allowed(user, group, resource, namespace));
      }
    };
  }

  private boolean allowed(UserInfo user, String group, String resource, String namespace) {
    SubjectAccessReview review =
        hub.resource(
                new SubjectAccessReviewBuilder()
                    .withNewSpec()
                    .withUser(user.getUsername())
                    .withUid(user.getUid())
                    .withGroups(user.getGroups())
                    .withExtra(user.getExtra() == null ? null : Map.copyOf(user.getExtra()))
                    .withNewResourceAttributes()
                    .withVerb("list")
                    .withGroup(group)
                    .withResource(resource)
                    .withNamespace(namespace)
                    .endResourceAttributes()
                    .endSpec()
                    .build())
            .create();
    return review.getStatus() != null && Boolean.TRUE.equals(review.getStatus().getAllowed());
  }

  private <K, T> T cached(Map<K, Cached<T>> cache, K key, java.util.function.Supplier<T> fn) {
    Instant now = clock.instant();
    Cached<T> hit = cache.get(key);
    if (hit != null && now.isBefore(hit.until())) {
      return hit.value();
    }
    T value = fn.get();
    if (cache.size() >= MAX_CACHED) {
      cache.entrySet().removeIf(e -> !now.isBefore(e.getValue().until()));
      if (cache.size() >= MAX_CACHED) {
        cache.clear();
      }
    }
    cache.put(key, new Cached<>(value, now.plus(TTL)));
    return value;
  }

  static String sha256(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("no SHA-256 in this JVM", e);
    }
  }
}
