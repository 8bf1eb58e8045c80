package io.ocmj.testing.junit;

import io.ocmj.testing.ClusterProviderUnavailableException;
import io.ocmj.testing.ClusterSet;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/** Starts one {@link ClusterSet} per test class; see {@link KubernetesClusters}. */
public final class ClustersExtension
    implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(ClustersExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) {
    // Controllers run their own threads against these clusters; an exception there (say, JOSDK's
    // timer firing into an executor a test just stopped) is the controller's to log, and must not
    // fail whatever the test happens to be awaiting. Tests assert behaviour through the API.
    Awaitility.doNotCatchUncaughtExceptionsByDefault();
    KubernetesClusters spec =
        context.getRequiredTestClass().getAnnotation(KubernetesClusters.class);
    List<String> names = spec == null ? List.of("cluster1") : List.of(spec.value());
    try {
      context.getStore(NAMESPACE).put(ClusterSet.class, ClusterSet.start(names));
    } catch (ClusterProviderUnavailableException e) {
      Assumptions.abort("no clusters for this test: " + e.getMessage());
    }
  }

  @Override
  public void afterAll(ExtensionContext context) {
    ClusterSet set = context.getStore(NAMESPACE).remove(ClusterSet.class, ClusterSet.class);
    if (set != null) {
      set.close();
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == ClusterSet.class;
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    ClusterSet set = findSet(context);
    if (set == null) {
      throw new ParameterResolutionException(
          "no clusters were started for " + context.getUniqueId());
    }
    return set;
  }

  private static ClusterSet findSet(ExtensionContext context) {
    for (ExtensionContext c = context; c != null; c = c.getParent().orElse(null)) {
      ClusterSet set = c.getStore(NAMESPACE).get(ClusterSet.class, ClusterSet.class);
      if (set != null) {
        return set;
      }
    }
    return null;
  }
}
