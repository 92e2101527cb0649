/** The calibration benchmark every other figure is normalised to before the regression gate compares it. */
@NullMarked
package dev.ananke.bench.calibration;

import org.jspecify.annotations.NullMarked;
