// SPDX-License-Identifier: Apache-2.0
#pragma once

#include <functional>
#include <span>
#include <vector>

/// Nelder–Mead simplex minimisation as R's optim() does it (nmmin in R's src/appl/optim.c, after
/// Nash, "Compact Numerical Methods for Computers", 1990), which forecast::ets calls through
/// etsNelderMead: the same start simplex, coefficients and stopping rule, so our fits land where
/// R's do on the same likelihood surface.
namespace influence::forecast {

struct NelderMeadOptions
{
    double relativeTolerance = 1.4901161193847656e-08; // sqrt(DBL_EPSILON), R's reltol default
    double reflection = 1.0;
    double contraction = 0.5;
    double expansion = 2.0;
    int maxEvaluations = 2000; // forecast::ets's maxit
};

struct NelderMeadResult
{
    std::vector<double> x;
    double value = 0.0;
    int evaluations = 0;
    bool converged = false;
};

/// Minimises `f` from `start`. Non-finite values count as 1e35, so a constraint is an infinite
/// value. An infinite value at the start is returned as such with no iteration.
NelderMeadResult nelderMead(const std::function<double(std::span<const double>)> &f,
        std::vector<double> start, const NelderMeadOptions &options = {});

} // namespace influence::forecast
