# Prints the model.matrix column names and term labels that DesignTests and
# FormulaTests expect, so those expectations can be re-checked with R:
#   LANG=en_US.UTF-8 Rscript r_design_names.R
# (level order in sort() depends on the collation locale; see Column.sortLevels).
d <- data.frame(y=1:8, age=c(30,41,52,36,47,58,33,44),
  group=c("placebo","drugA","drugB","placebo","drugA","drugB","drugA","placebo"),
  sex=c("F","M","F","M","F","M","M","F"), stringsAsFactors=TRUE)
for (f in c("y ~ age + group","y ~ group * sex","y ~ 0 + group + sex","y ~ age:group","y ~ group + group:sex","y ~ age * group + I(age^2)", "y ~ I(age*y) + I(2 * age - 1) + log(age) + I((age+1)^3)")) print(colnames(model.matrix(as.formula(f), d)))
d$group <- relevel(d$group, "placebo"); print(colnames(model.matrix(y ~ age*group, d)))
print(attr(terms(y ~ b:a + a), "term.labels")); print(attr(terms(y ~ (a+b+c)^2), "term.labels")); print(attr(terms(y ~ a/b), "term.labels"))
print(sort(c("b","B","a","C"))); print(Sys.getlocale("LC_COLLATE"))
d2 <- data.frame(`work hours`=c(3,5,9), `lot size`=c(1,2,3), check.names=FALSE); print(colnames(model.matrix(`work hours` ~ `lot size` + I(`lot size`^2), d2)))
d$group <- factor(as.character(d$group))  # back to the default reference
for (f in c("y ~ .", "y ~ . - sex", "y ~ age:.")) print(colnames(model.matrix(as.formula(f), d)))
