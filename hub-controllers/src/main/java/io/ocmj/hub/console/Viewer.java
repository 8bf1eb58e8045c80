package io.ocmj.hub.console;

/**
 * Who is looking at the console, and what their own RBAC on the hub lets them list. The console
 * shows a viewer only what {@code kubectl get} would show them.
 */
public interface Viewer {
  /** The user name (from TokenReview), for logs and the page header. */
  String name();

  /**
   * Whether this viewer may list {@code resource} of API group {@code group} in {@code namespace}
   * (null: cluster-scoped, or every namespace).
   */
  boolean mayList(String group, String resource, String namespace);

  /** The viewer of dev mode: the hub's admin, who sees everything. */
  static Viewer admin(String name) {
    return new Viewer() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public boolean mayList(String group, String resource, String namespace) {
        return true;
      }
    };
  }
}
