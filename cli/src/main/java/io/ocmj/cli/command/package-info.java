/** Subcommands of ocmj. */
package io.ocmj.cli.command;
