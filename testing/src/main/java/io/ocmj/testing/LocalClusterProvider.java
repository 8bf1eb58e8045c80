package io.ocmj.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * Starts real local clusters, one after another: on two cores, parallel starts only make each one
 * slower.
 */
public final class LocalClusterProvider implements ClusterProvider {
  private final Binaries binaries;

  public LocalClusterProvider(Binaries binaries) {
    this.binaries = binaries;
  }

  @Override
  public List<TestCluster> start(List<String> names) {
    List<TestCluster> started = new ArrayList<>();
    try {
      for (String name : names) {
        started.add(LocalCluster.start(name, binaries));
      }
      return started;
    } catch (RuntimeException e) {
      started.forEach(TestCluster::close);
      throw e;
    }
  }
}
