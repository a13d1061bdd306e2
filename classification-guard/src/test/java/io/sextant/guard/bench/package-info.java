/**
 * JMH benchmarks of the classification guard; run {@link io.sextant.guard.bench.GuardBenchmarks#main} as described in
 * docs/performance.md.
 */
package io.sextant.guard.bench;
