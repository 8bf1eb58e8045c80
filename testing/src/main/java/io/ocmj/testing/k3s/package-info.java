/** k3s clusters through Testcontainers, for machines with a Docker engine. */
package io.ocmj.testing.k3s;
