package io.ocmj.gitops;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which GitSync a webhook path belongs to, and its token. The path is {@code /hooks/} and the hex
 * SHA-256 of token, name and namespace (Flux's Receiver scheme): it cannot be guessed without the
 * token and changes when the token does. Filled by the reconciler, read by the receiver.
 */
public final class WebhookRoutes {
  /** A GitSync's webhook. */
  public record Route(String namespace, String name, byte[] token) {}

  private final Map<String, Route> byPath = new ConcurrentHashMap<>();
  private final Map<String, String> pathByGitSync = new ConcurrentHashMap<>();

  public static String path(String token, String name, String namespace) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest((token + name + namespace).getBytes(StandardCharsets.UTF_8));
      return "/hooks/" + HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /** Registers (or replaces) the GitSync's route; returns its path. */
  String put(String namespace, String name, String token) {
    String path = path(token, name, namespace);
    String key = namespace + "/" + name;
    String old = pathByGitSync.put(key, path);
    if (old != null && !old.equals(path)) {
      byPath.remove(old);
    }
    byPath.put(path, new Route(namespace, name, token.getBytes(StandardCharsets.UTF_8)));
    return path;
  }

  void remove(String namespace, String name) {
    String old = pathByGitSync.remove(namespace + "/" + name);
    if (old != null) {
      byPath.remove(old);
    }
  }

  Optional<Route> find(String path) {
    return Optional.ofNullable(byPath.get(path));
  }
}
