package io.ocmj.gitops;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import org.apache.sshd.common.config.keys.KeyUtils;
import org.apache.sshd.common.config.keys.PublicKeyEntry;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.ExitCallback;
import org.apache.sshd.server.SshServer;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.command.Command;
import org.apache.sshd.server.keyprovider.SimpleGeneratorHostKeyProvider;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A Git server over SSH on loopback (Apache MINA sshd): one repository for {@code git-upload-pack},
 * one client key accepted, its own host key (which known_hosts must name).
 */
final class GitSshServer implements AutoCloseable {
  private final SshServer server;
  private final KeyPair client;

  GitSshServer(Repository repository) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    client = generator.generateKeyPair();
    server = SshServer.setUpDefaultServer();
    server.setHost("127.0.0.1");
    server.setPort(0);
    SimpleGeneratorHostKeyProvider hostKeys = new SimpleGeneratorHostKeyProvider();
    hostKeys.setAlgorithm(KeyUtils.EC_ALGORITHM);
    server.setKeyPairProvider(hostKeys);
    server.setPublickeyAuthenticator(
        (user, key, session) -> KeyUtils.compareKeys(key, client.getPublic()));
    server.setCommandFactory((channel, command) -> new UploadPackCommand(repository, command));
    server.start();
  }

  String url() {
    return "ssh://git@127.0.0.1:" + server.getPort() + "/repo.git";
  }

  /** The known_hosts line for this server. */
  String knownHosts() throws Exception {
    PublicKey host = server.getKeyPairProvider().loadKeys(null).iterator().next().getPublic();
    return "[127.0.0.1]:" + server.getPort() + " " + PublicKeyEntry.toString(host) + "\n";
  }

  /** The accepted client key, as an OpenSSH private key file. */
  String identity() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new OpenSSHKeyPairResourceWriter().writePrivateKey(client, "gitsync", null, out);
    return out.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() throws Exception {
    server.stop(true);
  }

  /** Serves {@code git-upload-pack} from the one repository. */
  private static final class UploadPackCommand implements Command {
    private final Repository repository;
    private final String command;
    private InputStream in;
    private OutputStream out;
    private OutputStream err;
    private ExitCallback exit;

    UploadPackCommand(Repository repository, String command) {
      this.repository = repository;
      this.command = command;
    }

    @Override
    public void setInputStream(InputStream in) {
      this.in = in;
    }

    @Override
    public void setOutputStream(OutputStream out) {
      this.out = out;
    }

    @Override
    public void setErrorStream(OutputStream err) {
      this.err = err;
    }

    @Override
    public void setExitCallback(ExitCallback exit) {
      this.exit = exit;
    }

    @Override
    public void start(ChannelSession channel, Environment env) {
      Thread serve =
          new Thread(
              () -> {
                if (!command.startsWith("git-upload-pack")) {
                  exit.onExit(127, "only git-upload-pack is served");
                  return;
                }
                try {
                  new UploadPack(repository).upload(in, out, err);
                  out.flush();
                  exit.onExit(0);
                } catch (Exception e) {
                  exit.onExit(1, String.valueOf(e.getMessage()));
                }
              },
              "git-upload-pack");
      serve.setDaemon(true);
      serve.start();
    }

    @Override
    public void destroy(ChannelSession channel) {}
  }
}
