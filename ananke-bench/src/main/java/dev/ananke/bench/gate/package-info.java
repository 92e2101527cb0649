/** The regression gate: a fresh run against the baselines, normalised to the calibration benchmark. */
@NullMarked
package dev.ananke.bench.gate;

import org.jspecify.annotations.NullMarked;
