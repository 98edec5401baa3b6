// SPDX-License-Identifier: Apache-2.0
#include "app/Cli.h"

int main(int argc, char **argv)
{
    return influence::server::runCommandLine(argc, argv);
}
