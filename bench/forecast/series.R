# SPDX-License-Identifier: Apache-2.0
# bench/forecast: ~200 daily series like a creator's followers and views (fixed seed), then R's
# forecast::ets on the same rolling origins as ours. Usage: Rscript series.R OUTDIR [COUNT]
# Writes OUTDIR/series.csv (series,kind,m,value), OUTDIR/r_forecasts.csv and OUTDIR/r_times.csv.
suppressMessages(library(forecast))
args <- commandArgs(trailingOnly = TRUE)
out <- args[1]
count <- if (length(args) > 1) as.integer(args[2]) else 200L
h <- 14L
origins <- 3L
set.seed(2026)

followers <- function(n) {
  # Growth that drifts (a random walk in the daily gain), sometimes fading towards zero gain,
  # with noise and a few organic jumps; some accounts have a weekly rhythm in their gains.
  gain <- pmax(0, rnorm(1, 40, 30) + cumsum(rnorm(n, 0, 1.5)))
  if (runif(1) < 0.3) gain <- gain * seq(1, 0.05, length.out = n)
  weekly <- if (runif(1) < 0.5) 1 + 0.3 * sin(2 * pi * (1:n) / 7 + runif(1, 0, 2 * pi)) else 1
  jumps <- ifelse(runif(n) < 0.01, rexp(n, 1 / 500), 0)
  round(rnorm(1, 5000, 2000) + cumsum(gain * weekly + rnorm(n, 0, 8) + jumps))
}
views <- function(n) {
  # Daily views: a level that wanders, a weekly pattern for most, heavy-tailed noise.
  level <- exp(log(runif(1, 200, 20000)) + cumsum(rnorm(n, 0, 0.02)))
  pattern <- if (runif(1) < 0.7) c(1.1, 1.0, 0.95, 0.9, 1.0, 1.2, 1.3)[((1:n) %% 7) + 1] else 1
  round(level * pattern * exp(rnorm(n, 0, 0.15)))
}
rows <- list()
for (i in seq_len(count)) {
  n <- sample(120:400, 1)
  kind <- if (i %% 2 == 0) "views" else "followers"
  y <- if (kind == "views") views(n) else followers(n)
  rows[[i]] <- data.frame(series = i, kind = kind, m = 7L, value = y)
}
series <- do.call(rbind, rows)
write.csv(series, file.path(out, "series.csv"), row.names = FALSE)

fc <- list()
times <- list()
for (i in seq_len(count)) {
  y <- series$value[series$series == i]
  n <- length(y)
  for (k in origins:1) {
    train <- ts(y[1:(n - k * h)], frequency = 7)
    # CPU time (user + system) of fit + forecast, as the scorer measures ours.
    started <- proc.time()
    started <- started[["user.self"]] + started[["sys.self"]]
    fit <- ets(train)
    f <- forecast(fit, h = h, level = c(80, 95))
    ended <- proc.time()
    took <- ended[["user.self"]] + ended[["sys.self"]] - started
    times[[length(times) + 1]] <- data.frame(series = i, origin = n - k * h, seconds = took,
      model = fit$method)
    fc[[length(fc) + 1]] <- data.frame(series = i, origin = n - k * h, step = 1:h,
      mean = as.numeric(f$mean), lo80 = as.numeric(f$lower[, 1]), hi80 = as.numeric(f$upper[, 1]),
      lo95 = as.numeric(f$lower[, 2]), hi95 = as.numeric(f$upper[, 2]))
  }
}
write.csv(do.call(rbind, fc), file.path(out, "r_forecasts.csv"), row.names = FALSE)
write.csv(do.call(rbind, times), file.path(out, "r_times.csv"), row.names = FALSE)
cat(R.version.string, "forecast", as.character(packageVersion("forecast")), "\n")
