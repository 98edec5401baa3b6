// SPDX-License-Identifier: Apache-2.0
#pragma once

namespace influence::desktop {

/// influence-desktop: parses the command line (--server URL, --lang CODE), loads the language,
/// shows the main window and runs the event loop. Returns the exit code.
int runDesktopApp(int argc, char **argv);

} // namespace influence::desktop
