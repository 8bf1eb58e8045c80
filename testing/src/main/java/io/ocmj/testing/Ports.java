package io.ocmj.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Free loopback ports, handed out in one place so that one JVM never gives the same port twice. A
 * port can still be taken by another program between here and the bind; callers retry on that.
 */
final class Ports {
  private static final Set<Integer> GIVEN = new HashSet<>();

  private Ports() {}

  static synchronized int free() {
    for (int attempt = 0; attempt < 50; attempt++) {
      try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        socket.setReuseAddress(true);
        int port = socket.getLocalPort();
        if (GIVEN.add(port)) {
          return port;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot find a free port on 127.0.0.1", e);
      }
    }
    throw new IllegalStateException("no unused free port on 127.0.0.1 after 50 tries");
  }
}
