/** Hub controllers: registration, placement, work, policy and add-on reconcilers (issues 4-10). */
package io.ocmj.hub;
