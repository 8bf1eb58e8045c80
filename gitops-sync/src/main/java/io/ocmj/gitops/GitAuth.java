package io.ocmj.gitops;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.jgit.api.TransportCommand;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.eclipse.jgit.transport.SshTransport;
import org.eclipse.jgit.transport.sshd.SshdSessionFactory;
import org.eclipse.jgit.transport.sshd.SshdSessionFactoryBuilder;

/**
 * How a GitSync authenticates to its remote: HTTP credentials, or for {@code ssh://} a private key
 * and the known hosts it must verify the server against (no trust on first use: an unknown or
 * changed host key fails). SSH material lives in a private temporary folder until {@link #close()}.
 */
public final class GitAuth implements AutoCloseable {
  private final CredentialsProvider credentials;
  private final SshdSessionFactory ssh;
  private final Path sshDir;

  private GitAuth(CredentialsProvider credentials, SshdSessionFactory ssh, Path sshDir) {
    this.credentials = credentials;
    this.ssh = ssh;
    this.sshDir = sshDir;
  }

  public static GitAuth none() {
    return new GitAuth(null, null, null);
  }

  static GitAuth http(CredentialsProvider credentials) {
    return new GitAuth(credentials, null, null);
  }

  /** SSH with {@code identity} (OpenSSH or PEM private key) and {@code knownHosts} lines. */
  static GitAuth ssh(String identity, String knownHosts) throws IOException {
    Path dir =
        Files.createTempDirectory(
            "ocmj-gitsync-ssh",
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    Path key = dir.resolve("identity");
    Files.writeString(
        key, identity.endsWith("\n") ? identity : identity + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
    Path hosts = dir.resolve("known_hosts");
    Files.writeString(hosts, knownHosts, StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("config"), "Host *\n  StrictHostKeyChecking yes\n", StandardCharsets.UTF_8);
    SshdSessionFactory factory =
        new SshdSessionFactoryBuilder()
            .setHomeDirectory(dir.toFile())
            .setSshDirectory(dir.toFile())
            .setDefaultIdentities(d -> List.of(key))
            .setDefaultKnownHostsFiles(d -> List.of(hosts))
            .build(null);
    return new GitAuth(null, factory, dir);
  }

  /** Sets this authentication on a JGit command (fetch, ls-remote, push). */
  public <C extends TransportCommand<C, ?>> C on(C command) {
    if (credentials != null) {
      command.setCredentialsProvider(credentials);
    }
    if (ssh != null) {
      command.setTransportConfigCallback(
          transport -> {
            if (transport instanceof SshTransport sshTransport) {
              sshTransport.setSshSessionFactory(ssh);
            }
          });
    }
    return command;
  }

  @Override
  public void close() {
    if (ssh != null) {
      ssh.close();
    }
    if (sshDir != null) {
      try (Stream<Path> files = Files.walk(sshDir)) {
        files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // A temporary folder left behind holds nothing the Secret does not; nothing else to do.
      }
    }
  }
}
