/** The suites of the seed report and the runner that runs them through JMH's API. */
@NullMarked
package dev.ananke.bench.suite;

import org.jspecify.annotations.NullMarked;
