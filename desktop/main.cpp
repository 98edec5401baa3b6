// SPDX-License-Identifier: Apache-2.0
#include "app/DesktopApp.h"

int main(int argc, char **argv)
{
    return influence::desktop::runDesktopApp(argc, argv);
}
