# Reference tick positions for TicksTests.swift, from the R package 'labeling'
# (Talbot, Lin & Hanrahan's extended algorithm; Debian r-cran-labeling 0.4.2).
# Run: Rscript Tests/PlotTests/Golden/extended-ticks.R > Tests/PlotTests/Golden/extended-ticks.txt
library(labeling)
ranges <- list(c(0, 1), c(-5.344, 12), c(1e-6, 3e-6), c(62, 546), c(-1, 1),
               c(0.001, 0.0123), c(-273.15, 100), c(1990, 2025), c(15, 125), c(3.2, 3.3))
for (r in ranges) {
  for (m in c(5, 7)) {
    cat(sprintf("(%s, %s, %d): [%s]\n", format(r[1], digits = 15), format(r[2], digits = 15), m,
                paste(format(extended(r[1], r[2], m), digits = 15), collapse = ", ")))
  }
}
