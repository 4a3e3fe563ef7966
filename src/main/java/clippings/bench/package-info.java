/** Benchmarks that measure the quality and cost of pipeline stages on real pages. */
package clippings.bench;
