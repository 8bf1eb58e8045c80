package io.ocmj.testing;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real cluster made of three local processes on loopback: etcd, kube-apiserver and
 * kube-controller-manager (CSR signing, namespace, garbage collection and service-account
 * controllers), with its own CA, serving certificate, service-account key and admin identity.
 */
public final class LocalCluster implements TestCluster {
  private static final Logger LOG = LoggerFactory.getLogger(LocalCluster.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(180);
  private static final int BIND_ATTEMPTS = 3;
  static final String CONTROLLERS =
      String.join(
          ",",
          "certificatesigningrequest-signing-controller",
          "certificatesigningrequest-approving-controller",
          "certificatesigningrequest-cleaner-controller",
          "namespace-controller",
          "garbage-collector-controller",
          "serviceaccount-controller",
          "serviceaccount-token-controller",
          "root-ca-certificate-publisher-controller",
          "clusterrole-aggregation-controller",
          // Workload status for work feedback tests (pods stay Pending: there is no kubelet).
          "deployment-controller",
          "replicaset-controller");

  private final String name;
  private final ClusterFiles files;
  private final List<ManagedProcess> processes = new ArrayList<>();
  private final ProcessLedger ledger;
  private String serverUrl;
  private Path apiServerBinary;
  private int apiServerPort;
  private int etcdClientPort;
  private int etcdPeerPort;
  private Path etcdBinary;
  private int restarts;
  private HttpProbe apiServerProbe;
  private Path kubeconfig;
  private KubernetesClient client;

  private LocalCluster(String name, Path dir, ProcessLedger ledger) {
    this.name = name;
    this.ledger = ledger;
    this.files = new ClusterFiles(dir, name);
  }

  /** Starts a cluster and returns once its API server and controllers are ready. */
  public static LocalCluster start(String name, Binaries binaries) {
    ProcessLedger ledger = ProcessLedger.forCache(binaries.cacheDir());
    Path dir =
        ledger
            .runDir()
            .resolve(
                ProcessHandle.current().pid()
                    + "-"
                    + name
                    + "-"
                    + UUID.randomUUID().toString().substring(0, 8));
    ledger.recordWorkDir(dir);
    LocalCluster cluster = new LocalCluster(name, dir, ledger);
    try {
      cluster.startProcesses(binaries);
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void startProcesses(Binaries binaries) {
    long t0 = System.nanoTime();
    Path etcd = binaries.ensure("etcd");
    Path apiserver = binaries.ensure("kube-apiserver");
    Path kcm = binaries.ensure("kube-controller-manager");
    long t1 = System.nanoTime();
    HttpProbe plain = HttpProbe.plain();
    int[] etcdPort = new int[1];
    startWithRetry(
        "etcd",
        etcd,
        port -> {
          etcdPort[0] = port;
          etcdPeerPort = Ports.free();
          return etcdArgs(port, etcdPeerPort);
        },
        p -> plain.ok("http://127.0.0.1:" + etcdPort[0] + "/health", "\"health\":\"true\""));
    long t2 = System.nanoTime();
    HttpProbe tls =
        HttpProbe.mutualTls(List.of(files.ca, files.nextServingCa), files.ca, files.admin);
    int[] apiPort = new int[1];
    startWithRetry(
        "kube-apiserver",
        apiserver,
        port -> {
          apiPort[0] = port;
          return apiServerArgs(port, etcdPort[0]);
        },
        p -> tls.ok("https://127.0.0.1:" + apiPort[0] + "/readyz", "ok"));
    serverUrl = "https://127.0.0.1:" + apiPort[0];
    apiServerBinary = apiserver;
    etcdBinary = etcd;
    apiServerPort = apiPort[0];
    etcdClientPort = etcdPort[0];
    apiServerProbe = tls;
    kubeconfig = files.writeKubeconfigs(name, serverUrl);
    client =
        new KubernetesClientBuilder()
            .withConfig(Config.fromKubeconfig(files.adminKubeconfig(name, serverUrl)))
            .build();
    awaitReady("namespace default", () -> client.namespaces().withName("default").get() != null);
    long t3 = System.nanoTime();
    // The controllers run once they have done their first work: default/default exists.
    startWithRetry(
        "kube-controller-manager",
        kcm,
        this::controllerManagerArgs,
        p -> client.serviceAccounts().inNamespace("default").withName("default").get() != null);
    long t4 = System.nanoTime();
    LOG.info(
        "cluster {} started in {}s (binaries {}s, etcd {}s, kube-apiserver {}s,"
            + " kube-controller-manager {}s) at {}",
        name,
        seconds(t4 - t0),
        seconds(t1 - t0),
        seconds(t2 - t1),
        seconds(t3 - t2),
        seconds(t4 - t3),
        serverUrl);
  }

  /**
   * Starts a process on a fresh port and waits until {@code ready}; when the port was taken in the
   * meantime ("address already in use") it tries again with another one.
   */
  private void startWithRetry(
      String process,
      Path binary,
      IntFunction<List<String>> args,
      Predicate<ManagedProcess> ready) {
    for (int attempt = 1; ; attempt++) {
      ManagedProcess p =
          ManagedProcess.start(
              process,
              binary,
              args.apply(Ports.free()),
              files.dir.resolve(process + ".log"),
              ledger);
      try {
        awaitReady(
            process,
            () -> {
              p.checkAlive();
              return ready.test(p);
            });
        processes.add(p);
        return;
      } catch (RuntimeException e) {
        boolean portTaken = !p.isAlive() && p.tail(50).contains("address already in use");
        p.stop();
        if (!portTaken || attempt >= BIND_ATTEMPTS) {
          throw new IllegalStateException(
              "cluster "
                  + name
                  + ": "
                  + process
                  + " did not become ready: "
                  + e.getMessage()
                  + "\nlast lines of "
                  + p.logFile()
                  + ":\n"
                  + p.tail(30),
              e);
        }
        LOG.info("cluster {}: {} port was taken, retrying on another port", name, process);
      }
    }
  }

  private void awaitReady(String what, java.util.concurrent.Callable<Boolean> condition) {
    await("cluster " + name + ": " + what)
        .atMost(START_TIMEOUT)
        .pollDelay(Duration.ZERO)
        .pollInterval(Duration.ofMillis(200))
        .ignoreExceptionsMatching(e -> !(e instanceof ManagedProcess.ProcessExitedException))
        .until(condition);
  }

  private List<String> etcdArgs(int clientPort, int peerPort) {
    String client = "http://127.0.0.1:" + clientPort;
    String peer = "http://127.0.0.1:" + peerPort;
    return List.of(
        "--name=" + name,
        "--data-dir=" + files.dir.resolve("etcd"),
        "--listen-client-urls=" + client,
        "--advertise-client-urls=" + client,
        "--listen-peer-urls=" + peer,
        "--initial-advertise-peer-urls=" + peer,
        "--initial-cluster=" + name + "=" + peer,
        "--unsafe-no-fsync=true",
        "--quota-backend-bytes=536870912",
        "--log-level=warn");
  }

  private List<String> apiServerArgs(int port, int etcdPort) {
    return List.of(
        "--advertise-address=127.0.0.1",
        "--bind-address=127.0.0.1",
        "--secure-port=" + port,
        "--etcd-servers=http://127.0.0.1:" + etcdPort,
        "--cert-dir=" + files.dir.resolve("apiserver-certs"),
        "--tls-cert-file=" + files.servingCert,
        "--tls-private-key-file=" + files.servingKey,
        "--client-ca-file=" + files.caCert,
        "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
        "--service-account-key-file=" + files.serviceAccountPublicKey,
        "--service-account-signing-key-file=" + files.serviceAccountKey,
        "--service-cluster-ip-range=10.0.0.0/24",
        "--authorization-mode=RBAC",
        "--allow-privileged=true",
        "--endpoint-reconciler-type=none",
        "--enable-priority-and-fairness=false",
        "--profiling=false");
  }

  private List<String> controllerManagerArgs(int port) {
    return List.of(
        "--kubeconfig=" + files.controllerManagerKubeconfig(),
        "--bind-address=127.0.0.1",
        "--secure-port=" + port,
        "--leader-elect=false",
        "--controllers=" + CONTROLLERS,
        "--cluster-signing-cert-file=" + files.caCert,
        "--cluster-signing-key-file=" + files.caKey,
        "--service-account-private-key-file=" + files.serviceAccountKey,
        "--root-ca-file=" + files.caCert,
        "--profiling=false");
  }

  private static String seconds(long nanos) {
    return String.format(java.util.Locale.ROOT, "%.1f", nanos / 1e9);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public KubernetesClient client() {
    return client;
  }

  @Override
  public Path kubeconfig() {
    return kubeconfig;
  }

  @Override
  public String serverUrl() {
    return serverUrl;
  }

  @Override
  public String caCertificatePem() {
    return files.ca.certificatePem();
  }

  /**
   * Stops kube-apiserver and starts it again on the same port and storage, as an outage or an
   * upgrade would, and returns once it is ready again. Clients and kubeconfigs stay valid.
   */
  public void restartApiServer() {
    int index = 1; // etcd, kube-apiserver, kube-controller-manager
    processes.get(index).stop();
    ManagedProcess restarted =
        ManagedProcess.start(
            "kube-apiserver",
            apiServerBinary,
            apiServerArgs(apiServerPort, etcdClientPort),
            files.dir.resolve("kube-apiserver-restarted.log"),
            ledger);
    processes.set(index, restarted);
    awaitReady(
        "kube-apiserver after restart",
        () -> {
          restarted.checkAlive();
          return apiServerProbe.ok(serverUrl + "/readyz", "ok");
        });
    LOG.info("cluster {}: kube-apiserver restarted at {}", name, serverUrl);
  }

  /**
   * Kills {@code etcd} and/or {@code kube-apiserver} with SIGKILL, as a crash would (all named ones
   * first, so "everything at once" is a real simultaneous loss), starts them again on the same
   * ports and storage (etcd first), and returns once the API server answers {@code /readyz} again.
   * Clients and kubeconfigs stay valid.
   */
  public void killAndRestart(String... components) {
    List<Integer> indexes = new ArrayList<>();
    for (String component : components) {
      indexes.add(
          switch (component) {
            case "etcd" -> 0;
            case "kube-apiserver" -> 1;
            default ->
                throw new IllegalArgumentException(
                    "killAndRestart: etcd or kube-apiserver, not " + component);
          });
    }
    indexes.forEach(i -> processes.get(i).kill());
    restarts++;
    List<ManagedProcess> started = new ArrayList<>();
    for (int index : indexes.stream().sorted().distinct().toList()) {
      String component = index == 0 ? "etcd" : "kube-apiserver";
      ManagedProcess restarted =
          ManagedProcess.start(
              component,
              index == 0 ? etcdBinary : apiServerBinary,
              index == 0
                  ? etcdArgs(etcdClientPort, etcdPeerPort)
                  : apiServerArgs(apiServerPort, etcdClientPort),
              files.dir.resolve(component + "-restart-" + restarts + ".log"),
              ledger);
      processes.set(index, restarted);
      started.add(restarted);
    }
    awaitReady(
        String.join(" and ", components) + " after a kill",
        () -> {
          started.forEach(ManagedProcess::checkAlive);
          return apiServerProbe.ok(serverUrl + "/readyz", "ok");
        });
    LOG.info("cluster {}: {} killed and restarted", name, String.join(" and ", components));
  }

  /**
   * PEM of a second CA that this cluster's own clients already trust and that {@link
   * #serveWithNextCa()} switches the API server's serving certificate to: a hub CA rollover.
   */
  public String nextServingCaPem() {
    return files.nextServingCa.certificatePem();
  }

  /**
   * Restarts kube-apiserver with a serving certificate from {@link #nextServingCaPem()}. Clients
   * that trust only {@link #caCertificatePem()} fail TLS from then on; client certificates (and the
   * client CA) are unchanged.
   */
  public void serveWithNextCa() {
    files.serveWithNextCa();
    restartApiServer();
  }

  /** PIDs of the cluster's processes, in start order (etcd, kube-apiserver, kcm). */
  public List<Long> pids() {
    return processes.stream().map(ManagedProcess::pid).toList();
  }

  @Override
  public void close() {
    if (client != null) {
      client.close();
    }
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).stop();
    }
    processes.clear();
    WorkDirs.deleteQuietly(files.dir);
  }
}
