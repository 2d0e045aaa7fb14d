# Reference numbers for Tests/LessonsTests/StatThresholdTests.swift: the
# uncorrected and Benjamini-Hochberg thresholds of a small t map, from R's own
# pt, qt and p.adjust. Run by hand: Rscript scripts/fmri/stat-threshold-reference.R
t <- c(-6.2, -4.1, -3.3, -2.9, -2.2, -1.1, 0.3, 0.8, 1.9, 2.6, 3.1, 5.0)
df <- 50
p <- 2 * pt(-abs(t), df)
cat("uncorrected p = 0.001: |t| >=", sprintf("%.17g", qt(1 - 0.001 / 2, df)), "\n")
cat("voxels past it:", sum(p < 0.001), "\n")
for (q in c(0.05, 0.01)) {
  shown <- p.adjust(p, "BH") <= q
  cat("BH q =", q, ": voxels shown", sum(shown), "; smallest |t| shown", min(abs(t[shown])),
      "; largest p shown", sprintf("%.17g", max(p[shown])), "\n")
}
cat("BH q = 0.05 with t / 10: shown", sum(p.adjust(2 * pt(-abs(t / 10), df), "BH") <= 0.05),
    "; first-step threshold |t| >=", sprintf("%.17g", qt(1 - 0.05 / 12 / 2, df)), "\n")
cat("F(2, 50) at p = 0.001:", sprintf("%.17g", qf(1 - 0.001, 2, 50)), "\n")
