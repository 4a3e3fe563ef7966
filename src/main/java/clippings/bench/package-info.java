/** Benchmarks that ship with Clippings: extraction quality, tag quality and whole-build speed. */
package clippings.bench;
