/** The registration agent: joins the hub by double opt-in, keeps its identity and lease fresh. */
package io.ocmj.klusterlet.registration;
