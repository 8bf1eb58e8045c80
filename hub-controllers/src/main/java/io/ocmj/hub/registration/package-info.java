/** Hub registration: double opt-in (CSR approval, acceptance), per-cluster namespace and RBAC. */
package io.ocmj.hub.registration;
