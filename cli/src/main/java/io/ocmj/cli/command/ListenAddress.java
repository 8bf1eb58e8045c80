package io.ocmj.cli.command;

import io.ocmj.cli.UserError;
import java.net.InetSocketAddress;

/** A {@code host:port} option value, or {@code off}. */
final class ListenAddress {
  private ListenAddress() {}

  /** The address, or null for {@code off}; a bad value is a UserError naming {@code option}. */
  static InetSocketAddress parse(String option, String value) {
    if ("off".equals(value)) {
      return null;
    }
    int colon = value.lastIndexOf(':');
    try {
      if (colon <= 0) {
        throw new NumberFormatException("no port");
      }
      int port = Integer.parseInt(value.substring(colon + 1));
      if (port < 0 || port > 65535) {
        throw new NumberFormatException("port out of range");
      }
      return new InetSocketAddress(value.substring(0, colon), port);
    } catch (NumberFormatException e) {
      throw new UserError(option + " " + value + ": expected host:port or off");
    }
  }
}
