# Writes the R reference fixtures that Tests/GLMTests/RReferenceTests.swift
# compares glmviz with: each dataset below as CSV, and for each model the
# numbers R's lm, summary.lm, anova.lm, car::Anova and model.matrix give.
#
# Run by hand (not in CI), from the repository root, with Debian's packages:
#   apt-get install -y r-base-core r-cran-jsonlite r-cran-car r-cran-ggplot2
#   LANG=C.UTF-8 Rscript scripts/r-reference/make-fixtures.R
#   python3 scripts/r-reference/exact-diamonds.py
# It rewrites Tests/GLMTests/Fixtures/r-reference/ (CSV files, r-reference.json and
# r-accuracy.json); the Python step adds the exact answers to r-accuracy.json.
#
# Every model is fitted to the CSV as R reads it back (read.csv with
# stringsAsFactors = TRUE), not to the in-memory dataset, so the factor levels are
# those a student who loads the same file gets (sorted, e.g. warpbreaks' tension
# reads H, L, M). Columns listed under `categorical` are turned into factors after
# reading, as `glmviz fit --categorical` does.
suppressPackageStartupMessages({ library(jsonlite); library(car) })
Sys.setlocale("LC_COLLATE", "C")
out <- "Tests/GLMTests/Fixtures/r-reference"
dir.create(out, showWarnings = FALSE, recursive = TRUE)

datasets <- list(
  mtcars = mtcars, iris = iris, ToothGrowth = ToothGrowth, warpbreaks = warpbreaks,
  npk = npk, airquality = airquality, longley = longley, cars = cars, trees = trees,
  PlantGrowth = PlantGrowth, InsectSprays = InsectSprays, chickwts = chickwts,
  swiss = swiss, stackloss = stackloss, women = women)
for (name in names(datasets)) {
  write.csv(datasets[[name]], file.path(out, paste0(name, ".csv")), row.names = FALSE)
}

# name, dataset, formula, columns read as categorical
cases <- list(
  list("mtcars_wt_hp", "mtcars", "mpg ~ wt + hp"),
  list("mtcars_I_ratio", "mtcars", "mpg ~ I(hp/100) + wt"),
  list("mtcars_interaction", "mtcars", "mpg ~ wt * hp"),
  list("mtcars_I_product", "mtcars", "mpg ~ I(wt * hp) + I(2 * wt - 1) + I(-wt)"),
  list("mtcars_exp_ratio", "mtcars", "mpg ~ exp(wt/2) + hp"),
  list("mtcars_log_base", "mtcars", "mpg ~ log(hp, 10) + log(wt, base = 2)"),
  list("mtcars_log2_sqrt", "mtcars", "log(mpg) ~ log2(hp) + sqrt(wt) + abs(qsec - 18)"),
  list("mtcars_factor", "mtcars", "mpg ~ factor(cyl) + wt"),
  list("mtcars_as_factor", "mtcars", "mpg ~ as.factor(am) * wt"),
  list("mtcars_factor_interaction", "mtcars", "mpg ~ factor(cyl) * factor(am)"),
  list("mtcars_relevel", "mtcars", "mpg ~ relevel(factor(cyl), ref = \"6\") + wt"),
  list("mtcars_C_sum", "mtcars", "mpg ~ C(factor(cyl), contr.sum) + wt"),
  list("mtcars_C_helmert", "mtcars", "mpg ~ C(factor(gear), contr.helmert) + wt"),
  list("mtcars_poly2", "mtcars", "mpg ~ poly(hp, 2)"),
  list("mtcars_poly3_wt", "mtcars", "mpg ~ poly(hp, 3) + wt"),
  list("mtcars_poly_raw", "mtcars", "mpg ~ poly(hp, 2, raw = TRUE)"),
  list("mtcars_I_logical", "mtcars", "mpg ~ I(wt > 3) + hp"),
  list("mtcars_I_logical_eq", "mtcars", "mpg ~ I(cyl == 4) + I(hp <= 110)"),
  list("mtcars_scale", "mtcars", "mpg ~ scale(hp) + wt"),
  list("mtcars_offset", "mtcars", "mpg ~ wt + offset(hp/100)"),
  list("mtcars_interaction_fn", "mtcars", "mpg ~ interaction(cyl, am) + wt"),
  list("mtcars_response_on_rhs", "mtcars", "mpg ~ mpg + wt"),
  list("mtcars_power_single", "mtcars", "mpg ~ hp^2"),
  list("mtcars_categorical_cyl", "mtcars", "mpg ~ cyl * wt + am", c("cyl", "am")),
  list("iris_species", "iris", "Sepal.Length ~ Species"),
  list("iris_slopes", "iris", "Sepal.Length ~ Petal.Length * Species"),
  list("iris_in", "iris", "Sepal.Length ~ Species + Petal.Width %in% Species"),
  list("iris_relevel", "iris", "Sepal.Length ~ relevel(Species, ref = \"virginica\") + Petal.Length"),
  list("iris_C_treatment", "iris", "Sepal.Length ~ C(Species, contr.treatment) + Petal.Length"),
  list("iris_C_sum", "iris", "Sepal.Length ~ C(Species, contr.sum) + Petal.Length"),
  list("iris_C_helmert", "iris", "Sepal.Length ~ C(Species, contr.helmert)"),
  list("iris_C_poly", "iris", "Sepal.Length ~ C(Species, contr.poly)"),
  list("iris_dot", "iris", "Sepal.Length ~ ."),
  list("toothgrowth_numeric_dose", "ToothGrowth", "len ~ supp * dose"),
  list("toothgrowth_factor_dose", "ToothGrowth", "len ~ supp * factor(dose)"),
  list("toothgrowth_poly", "ToothGrowth", "len ~ supp + poly(dose, 2)"),
  list("warpbreaks_two_way", "warpbreaks", "breaks ~ wool * tension"),
  list("warpbreaks_additive", "warpbreaks", "breaks ~ tension + wool"),
  list("warpbreaks_nested", "warpbreaks", "breaks ~ wool/tension"),
  list("npk_factorial", "npk", "yield ~ N * P * K", c("block", "N", "P", "K")),
  list("npk_blocks", "npk", "yield ~ block + N * P * K", c("block", "N", "P", "K")),
  list("airquality_missing", "airquality", "Ozone ~ Solar.R + Wind + Temp"),
  list("airquality_log", "airquality", "log(Ozone) ~ Wind + Temp + factor(Month)"),
  list("airquality_nan", "airquality", "Ozone ~ sqrt(Wind - 5) + Temp"),
  list("longley_cubic", "longley", "Employed ~ Year + I(Year^2) + I(Year^3)"),
  list("longley_all", "longley", "Employed ~ ."),
  list("cars_linear", "cars", "dist ~ speed"),
  list("cars_exp", "cars", "dist ~ exp(speed/10)"),
  list("cars_poly3", "cars", "dist ~ poly(speed, 3)"),
  list("trees_loglog", "trees", "log(Volume) ~ log(Girth) + log(Height)"),
  list("plantgrowth", "PlantGrowth", "weight ~ group"),
  list("insectsprays_sqrt", "InsectSprays", "sqrt(count) ~ spray"),
  list("chickwts", "chickwts", "weight ~ feed"),
  list("swiss_all", "swiss", "Fertility ~ ."),
  list("stackloss_all", "stackloss", "stack.loss ~ ."),
  list("women_quadratic", "women", "weight ~ height + I(height^2)")
)

read_case_data <- function(dataset, categorical) {
  d <- read.csv(file.path(out, paste0(dataset, ".csv")), stringsAsFactors = TRUE)
  for (column in categorical) d[[column]] <- factor(d[[column]])
  d
}

# anova-like table as columns; the Residuals row keeps F and p null.
table_json <- function(a) {
  a <- as.data.frame(a)
  names(a)[names(a) == "Sum Sq"] <- "sum_sq"
  names(a)[names(a) == "Mean Sq"] <- "mean_sq"
  names(a)[names(a) == "F value"] <- "f"
  names(a)[names(a) == "Pr(>F)"] <- "p"
  names(a)[names(a) == "Df"] <- "df"
  list(terms = trimws(rownames(a)), df = a$df, sum_sq = a$sum_sq,
       f = a$f, p = a$p)
}

attempt <- function(expr) tryCatch(expr, error = function(e) list(error = conditionMessage(e)))

results <- list()
for (case in cases) {
  name <- case[[1]]; dataset <- case[[2]]; formula <- case[[3]]
  categorical <- if (length(case) > 3) case[[4]] else character(0)
  d <- read_case_data(dataset, categorical)
  options(contrasts = c("contr.treatment", "contr.poly"))
  warnings_seen <- character(0)
  fit <- withCallingHandlers(lm(as.formula(formula), data = d),
    warning = function(w) { warnings_seen <<- c(warnings_seen, conditionMessage(w)); invokeRestart("muffleWarning") })
  s <- summary(fit)
  cf <- coef(fit)
  table <- s$coefficients
  pick <- function(column) unname(sapply(names(cf), function(n) if (n %in% rownames(table)) table[n, column] else NA))
  mm <- model.matrix(fit)
  fstat <- if (is.null(s$fstatistic)) NULL else unname(s$fstatistic)
  options(contrasts = c("contr.sum", "contr.poly"))
  sum_fit <- lm(as.formula(formula), data = d)
  anova3_sum <- attempt(table_json(car::Anova(sum_fit, type = 3)))
  sum_coefficients <- list(names = names(coef(sum_fit)), estimate = unname(coef(sum_fit)))
  options(contrasts = c("contr.treatment", "contr.poly"))
  results[[length(results) + 1]] <- list(
    name = name, dataset = dataset, csv = paste0(dataset, ".csv"), formula = formula,
    categorical = I(categorical),
    warnings = I(warnings_seen),
    term_labels = I(attr(terms(fit), "term.labels")),
    response = deparse(attr(terms(fit), "variables")[[2]]),
    coefficient_names = names(cf), estimate = unname(cf),
    std_error = pick("Std. Error"), t = pick("t value"), p = pick("Pr(>|t|)"),
    sigma = s$sigma, df_residual = fit$df.residual, rank = fit$rank, nobs = nobs(fit),
    r_squared = s$r.squared, adj_r_squared = s$adj.r.squared, f_statistic = fstat,
    model_matrix_columns = colnames(mm), model_matrix = unname(mm),
    anova = table_json(anova(fit)),
    anova2 = attempt(table_json(car::Anova(fit, type = 2))),
    anova3 = attempt(table_json(car::Anova(fit, type = 3))),
    anova3_sum = anova3_sum,
    sum_coding = sum_coefficients)
}

# poly() on its own, for the orthogonal-polynomial columns and their coefs.
polys <- list()
for (spec in list(list("mtcars", "hp", 2), list("mtcars", "hp", 3), list("cars", "speed", 3),
                  list("ToothGrowth", "dose", 2), list("women", "height", 4))) {
  d <- read.csv(file.path(out, paste0(spec[[1]], ".csv")))
  p <- poly(d[[spec[[2]]]], spec[[3]])
  polys[[length(polys) + 1]] <- list(
    dataset = spec[[1]], variable = spec[[2]], degree = spec[[3]],
    columns = unname(unclass(p)[, , drop = FALSE]),
    alpha = attr(p, "coefs")$alpha, norm2 = attr(p, "coefs")$norm2)
}

versions <- list(R = R.version.string, jsonlite = as.character(packageVersion("jsonlite")),
                 car = as.character(packageVersion("car")))
json <- toJSON(list(versions = versions, cases = results, poly = polys),
               auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE)
writeLines(json, file.path(out, "r-reference.json"))
cat("wrote", length(results), "cases and", length(polys), "poly() checks to", out, "\n")

# Accuracy on a large design: ggplot2's diamonds (53 940 rows), with an interaction
# model of 70 columns, far beyond glmviz's extended-precision size limit, so glmviz
# fits it on its LAPACK path. R's lm answer is kept at full precision; the exact
# answer it is scored against comes from scripts/r-reference/exact-diamonds.py
# (rational arithmetic on the same CSV). Needs r-cran-ggplot2 (apt-get install -y
# r-cran-ggplot2).
suppressPackageStartupMessages(library(ggplot2))
diamonds_csv <- as.data.frame(ggplot2::diamonds)[, c("price", "carat", "cut", "color", "clarity")]
for (column in c("cut", "color", "clarity")) diamonds_csv[[column]] <- as.character(diamonds_csv[[column]])
write.csv(diamonds_csv, file.path(out, "diamonds.csv"), row.names = FALSE)
d <- read.csv(file.path(out, "diamonds.csv"), stringsAsFactors = TRUE)
accuracy <- list()
for (formula in c("price ~ carat * cut * color")) {
  fit <- lm(as.formula(formula), data = d)
  s <- summary(fit)
  mm <- model.matrix(fit)
  equilibrated <- sweep(mm, 2, sqrt(colSums(mm^2)), "/")
  singular <- svd(equilibrated, nu = 0, nv = 0)$d
  accuracy[[length(accuracy) + 1]] <- list(
    name = "diamonds_carat_cut_color", dataset = "diamonds", csv = "diamonds.csv", formula = formula,
    coefficient_names = names(coef(fit)), estimate = unname(coef(fit)),
    std_error = unname(s$coefficients[, "Std. Error"]), sigma = s$sigma,
    rank = fit$rank, nobs = nobs(fit),
    condition_number = max(singular) / min(singular))
}
# R's lm on the NIST StRD linear sets (the copies under Tests/GLMTests/Fixtures/nist),
# with the formula a student would write; lm's default tolerance (1e-7) calls one of
# Filip's powers aliased, which is R's answer and is kept (null).
nist_folder <- "Tests/GLMTests/Fixtures/nist"
certified <- fromJSON(file.path(nist_folder, "certified.json"))
nist <- list()
for (set in names(certified)) {
  d <- read.csv(file.path(nist_folder, paste0(set, ".csv")))
  info <- certified[[set]]
  rhs <- if (!is.null(info$degree) && info$degree > 1) {
    paste(c("x", sprintf("I(x^%d)", 2:info$degree)), collapse = " + ")
  } else {
    paste(setdiff(names(d), "y"), collapse = " + ")
  }
  formula <- paste("y ~", if (info$intercept) rhs else paste("0 +", rhs))
  fit <- lm(as.formula(formula), data = d)
  table <- summary(fit)$coefficients
  nist[[set]] <- list(
    formula = formula, estimate = I(unname(coef(fit))),
    std_error = I(unname(sapply(names(coef(fit)), function(n) if (n %in% rownames(table)) table[n, "Std. Error"] else NA))))
}
versions$ggplot2 <- as.character(packageVersion("ggplot2"))
json <- toJSON(list(versions = versions, cases = accuracy, nist = nist),
               auto_unbox = TRUE, digits = NA, na = "null", null = "null", pretty = TRUE)
writeLines(json, file.path(out, "r-accuracy.json"))
cat("wrote", length(accuracy), "accuracy cases to", out, "\n")
