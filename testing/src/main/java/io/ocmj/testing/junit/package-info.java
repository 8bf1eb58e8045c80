/** JUnit 5 support: {@link io.ocmj.testing.junit.KubernetesClusters} on a test class. */
package io.ocmj.testing.junit;
