/** Status writes shared by the agent's registration and work parts. */
package io.ocmj.klusterlet.status;
