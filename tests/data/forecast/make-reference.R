# SPDX-License-Identifier: Apache-2.0
# Reference fits for tests/unit/tst_forecast.cpp, made with R's forecast package (Debian's
# r-cran-forecast; a test-only tool, never used by the product). Run from this directory:
#   Rscript make-reference.R
# It writes series.csv (the inputs), reference.csv (per series: the model ets() chooses and, for
# that model and a few forced ones, AICc and parameters) and forecasts.csv (the forecast
# function's values and forecast()'s intervals for h = 12).
suppressMessages(library(forecast))
set.seed(20)
h <- 12

weekly <- function(n) {
  t <- 1:n
  round(1000 + 2 * t + 120 * sin(2 * pi * t / 7) + c(0, 60, 30, -20, -50, -10, 40)[(t - 1) %% 7 + 1] +
    rnorm(n, 0, 25))
}
series <- list(
  list(name = "weekly_daily", m = 7, y = weekly(140)),
  list(name = "trending", m = 1, y = round(200 + 3.5 * (1:60) + cumsum(rnorm(60, 0, 4)), 1)),
  list(name = "damped_wwwusage", m = 1, y = as.numeric(WWWusage)),
  list(name = "multiplicative_airpassengers", m = 12, y = as.numeric(AirPassengers)),
  list(name = "accidental_deaths", m = 12, y = as.numeric(USAccDeaths)),
  list(name = "noisy_level", m = 1, y = round(50 + rnorm(80, 0, 5), 2)),
  list(name = "short", m = 1, y = c(12, 15, 14, 18, 17)),
  list(name = "constant", m = 7, y = rep(250, 30))
)
# Models forced on every long series besides the one ets() chooses.
forced <- c("ANN", "AAN", "AAdN", "MNN")

rows <- list()
fc <- list()
sr <- list()
code_of <- function(fit) {
  paste0(fit$components[1], fit$components[2], ifelse(fit$components[4] == "TRUE", "d", ""),
         fit$components[3])
}
record <- function(s, kind, fit) {
  p <- fit$par
  get <- function(name) if (is.na(p[name])) NA else unname(p[name])
  rows[[length(rows) + 1]] <<- data.frame(series = s$name, kind = kind, model = code_of(fit),
    aicc = fit$aicc, lik = -2 * fit$loglik, alpha = get("alpha"), beta = get("beta"),
    gamma = get("gamma"), phi = get("phi"), sigma2 = fit$sigma2)
  f <- forecast(fit, h = h, level = c(80, 95))
  phi <- ifelse(fit$components[4] == "FALSE", 1, fit$par["phi"])
  point <- .C("etsforecast", as.double(fit$states[length(fit$x) + 1, ]), as.integer(fit$m),
    as.integer(switch(fit$components[2], N = 0, A = 1, M = 2)),
    as.integer(switch(fit$components[3], N = 0, A = 1, M = 2)), as.double(phi),
    as.integer(h), as.double(numeric(h)), PACKAGE = "forecast")[[7]]
  fc[[length(fc) + 1]] <<- data.frame(series = s$name, kind = kind, model = code_of(fit), step = 1:h,
    point = point, mean = as.numeric(f$mean), lo80 = as.numeric(f$lower[, 1]),
    hi80 = as.numeric(f$upper[, 1]), lo95 = as.numeric(f$lower[, 2]), hi95 = as.numeric(f$upper[, 2]))
}
for (s in series) {
  y <- ts(s$y, frequency = s$m)
  sr[[length(sr) + 1]] <- data.frame(series = s$name, period = s$m, value = s$y)
  if (length(y) <= 6 || is.constant(y)) {
    # ets() answers without optimising here (HoltWinters or ses); only the chosen name is kept.
    fit <- ets(y)
    rows[[length(rows) + 1]] <- data.frame(series = s$name, kind = "auto",
      model = gsub("[(),]", "", sub("ETS", "", fit$method)), aicc = NA, lik = NA, alpha = NA,
      beta = NA, gamma = NA, phi = NA, sigma2 = NA)
    next
  }
  fit <- ets(y)
  record(s, "auto", fit)
  for (model in forced) {
    if (substr(model, 1, 1) == "M" && min(y) <= 0) next
    damped <- grepl("d", model)
    record(s, "forced", ets(y, model = sub("d", "", model), damped = damped))
  }
}
write.csv(do.call(rbind, sr), "series.csv", row.names = FALSE)
write.csv(do.call(rbind, rows), "reference.csv", row.names = FALSE)
write.csv(do.call(rbind, fc), "forecasts.csv", row.names = FALSE)
cat(R.version.string, "forecast", as.character(packageVersion("forecast")), "\n")
