/** Immutable records that the pipeline stages hand to each other; JDK types only. */
package clippings.model;
