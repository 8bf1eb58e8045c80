/** Status writing shared by the hub's reconcilers. */
package io.ocmj.hub.status;
