package io.ocmj.testing;

import java.util.List;

/** The clusters a test class asked for, in the order of their names; closing stops them all. */
public final class ClusterSet implements AutoCloseable {
  private final List<TestCluster> clusters;

  public ClusterSet(List<TestCluster> clusters) {
    this.clusters = List.copyOf(clusters);
  }

  /** Starts clusters with the given names using the selected provider. */
  public static ClusterSet start(List<String> names) {
    return new ClusterSet(ClusterProvider.selected().start(names));
  }

  public List<TestCluster> all() {
    return clusters;
  }

  public TestCluster get(int index) {
    return clusters.get(index);
  }

  public TestCluster get(String name) {
    return clusters.stream()
        .filter(c -> c.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no cluster named " + name));
  }

  public int size() {
    return clusters.size();
  }

  @Override
  public void close() {
    RuntimeException first = null;
    for (int i = clusters.size() - 1; i >= 0; i--) {
      try {
        clusters.get(i).close();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
