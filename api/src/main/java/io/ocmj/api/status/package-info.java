/** Status helpers shared by every kind: conditions. */
package io.ocmj.api.status;
