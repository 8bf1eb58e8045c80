/** Hub controllers: registration now; placement, work, policy and add-ons in later issues. */
package io.ocmj.hub;
