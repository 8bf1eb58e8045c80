/** Java model of the OCM and ocmj custom resources; CRD YAML is generated from these classes. */
package io.ocmj.api;
