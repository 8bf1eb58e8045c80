/**
 * Real local Kubernetes control planes for tests and {@code ocmj dev up}: etcd, kube-apiserver and
 * kube-controller-manager built once from their pinned Go modules and started as processes on
 * loopback. JUnit-specific code lives in {@link io.ocmj.testing.junit}, so the CLI can use this
 * package without JUnit.
 */
package io.ocmj.testing;
