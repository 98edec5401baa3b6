# SPDX-License-Identifier: Apache-2.0
# forecast's admissible() on random parameter sets, for tst_forecast's admissibility check.
# Rscript make-admissible.R (R 4.2.2, forecast 8.20, seed 7) writes admissible.csv.
suppressMessages(library(forecast))
set.seed(7)
rows <- list()
for (i in 1:400) {
  m <- sample(c(1, 2, 4, 7, 12), 1)
  trend <- runif(1) < 0.6
  damped <- trend && runif(1) < 0.5
  alpha <- runif(1, -0.2, 1.6)
  beta <- if (trend) runif(1, -0.3, 1.2) else NULL
  gamma <- if (m > 1) runif(1, -0.2, 1.2) else NULL
  phi <- if (damped) runif(1, 0.5, 1) else NULL
  ok <- forecast:::admissible(alpha, beta, gamma, phi, m)
  rows[[i]] <- data.frame(m = m, trend = trend, damped = damped, alpha = alpha,
    beta = ifelse(is.null(beta), 0, beta), gamma = ifelse(is.null(gamma), 0, gamma),
    phi = ifelse(is.null(phi), 1, phi), admissible = ok)
}
write.csv(do.call(rbind, rows), "admissible.csv", row.names = FALSE)
