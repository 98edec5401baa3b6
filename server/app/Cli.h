// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace influence::server {

/// The influence-server command line: serve (default), migrate, seed, user create, forecast,
/// check-config, version.
/// Returns the process exit code: 0 success, 1 failure, 2 bad usage or configuration.
int runCommandLine(int argc, char **argv);

} // namespace influence::server
