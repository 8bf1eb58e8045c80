/** OCM's operator API, {@code operator.open-cluster-management.io/v1}: the Klusterlet. */
package io.ocmj.api.operator.v1;
