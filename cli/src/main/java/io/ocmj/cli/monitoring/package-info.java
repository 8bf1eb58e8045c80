/** The metrics and health endpoints every long-running ocmj process serves. */
package io.ocmj.cli.monitoring;
