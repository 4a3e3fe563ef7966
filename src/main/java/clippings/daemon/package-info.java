/**
 * The build daemon (#7): a JVM that stays up between builds of one folder, so that a build after a small change
 * runs in warm code with the build cache already in memory. A client forwards a command line and relays the
 * output; without a daemon, or when it cannot be reached, the command runs in the client's own JVM.
 */
package clippings.daemon;
