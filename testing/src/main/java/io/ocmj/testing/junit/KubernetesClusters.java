package io.ocmj.testing.junit;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives the test class a set of real clusters, started once before its first test and stopped after
 * its last. Tests and lifecycle methods receive them as a {@link io.ocmj.testing.ClusterSet}
 * parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ClustersExtension.class)
public @interface KubernetesClusters {
  /** Cluster names; their number is the number of clusters. */
  String[] value() default {"cluster1"};
}
