/** Benchmarks of Clippings' stages against public data sets, such as article extraction (issue 3). */
package clippings.bench;
