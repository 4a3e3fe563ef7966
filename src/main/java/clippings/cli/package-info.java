/** The {@code clippings} command line: parses options into records, runs the build, returns an exit code. */
package clippings.cli;
