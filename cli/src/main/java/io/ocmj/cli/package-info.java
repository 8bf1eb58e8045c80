/** The ocmj command line. */
package io.ocmj.cli;
