package io.ocmj.hub;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.ocmj.hub.registration.ClusterHealthReconciler;
import io.ocmj.hub.registration.ClusterRbac;
import io.ocmj.hub.registration.CsrApprovalReconciler;
import io.ocmj.hub.registration.ManagedClusterReconciler;
import java.time.Clock;

/** The hub's controllers, run by one JOSDK operator against the hub's API server. */
public final class HubControllers implements AutoCloseable {
  private static final String FIELD_MANAGER = "ocmj-hub";
  private final Operator operator;

  private HubControllers(Operator operator) {
    this.operator = operator;
  }

  /**
   * Applies the hub's shared RBAC and starts the controllers. The client stays the caller's: it is
   * not closed on {@link #close()}.
   */
  public static HubControllers start(KubernetesClient client, Clock clock) {
    java.util.stream.Stream.concat(
            ClusterRbac.sharedRoles().stream(), ClusterRbac.bootstrapRbac().stream())
        .forEach(
            role ->
                client
                    .resource(role)
                    .fieldManager(FIELD_MANAGER)
                    .forceConflicts()
                    .serverSideApply());
    Operator operator =
        new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
    operator.register(new ManagedClusterReconciler(clock));
    operator.register(new CsrApprovalReconciler());
    operator.register(new ClusterHealthReconciler(clock));
    operator.start();
    return new HubControllers(operator);
  }

  @Override
  public void close() {
    operator.stop();
  }
}
