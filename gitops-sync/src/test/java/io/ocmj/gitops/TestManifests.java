package io.ocmj.gitops;

/** Small manifests for the tests' Git commits. */
final class TestManifests {
  private TestManifests() {}

  static String namespace(String name) {
    return "apiVersion: v1\nkind: Namespace\nmetadata: {name: " + name + "}\n";
  }

  static String configMap(String name, String value) {
    return configMap("team-a", name, value);
  }

  static String configMap(String namespace, String name, String value) {
    return "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: "
        + name
        + ", namespace: "
        + namespace
        + "}\ndata: {value: '"
        + value
        + "'}\n";
  }

  static String placement(String name, int n) {
    return "apiVersion: cluster.open-cluster-management.io/v1beta1\nkind: Placement\nmetadata: {name: "
        + name
        + ", namespace: team-a}\nspec: {numberOfClusters: "
        + n
        + "}\n";
  }
}
