# SPDX-License-Identifier: Apache-2.0
# One INTERFACE target carries the warnings, Qt defines and sanitizer flags; every first-party
# target links it PRIVATE (style.md: only target_* commands).

add_library(influence_build_options INTERFACE)

target_compile_options(influence_build_options INTERFACE
    -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Woverloaded-virtual -Wold-style-cast
    -Wzero-as-null-pointer-constant
    $<$<BOOL:${INFLUENCE_WERROR}>:-Werror>)

target_compile_definitions(influence_build_options INTERFACE
    QT_NO_KEYWORDS
    QT_NO_CAST_FROM_ASCII
    QT_NO_CAST_TO_ASCII
    QT_NO_URL_CAST_FROM_STRING
    QT_NO_CAST_FROM_BYTEARRAY
    QT_USE_QSTRINGBUILDER
    QT_NO_NARROWING_CONVERSIONS_IN_CONNECT
    QT_NO_FOREACH
    QT_DISABLE_DEPRECATED_BEFORE=0x060400
    INFLUENCE_VERSION="${PROJECT_VERSION}")

if(INFLUENCE_SANITIZE)
    set(_influence_sanitizers -fsanitize=address,undefined -fno-sanitize-recover=undefined
        -fno-omit-frame-pointer)
    target_compile_options(influence_build_options INTERFACE ${_influence_sanitizers})
    target_link_options(influence_build_options INTERFACE ${_influence_sanitizers})
endif()

# LLVM's linker where it is installed (Debian's lld): it links an AddressSanitizer test program
# in 1.7 s where GNU ld takes 6.1 s, and a warm build is mostly linking. The result is the same
# ELF the GNU linker writes; without lld the default linker is used.
find_program(INFLUENCE_LLD ld.lld)
if(INFLUENCE_LLD)
    target_link_options(influence_build_options INTERFACE -fuse-ld=lld)
endif()

# influence_add_library(<name> [PLAIN] <sources>…): the project's libraries are static, or shared
# with INFLUENCE_SHARED_LIBS. The debug preset builds them shared: with the sanitizers' metadata
# each test program that linked them statically held a 450–570 MB copy (26 GB for the build tree,
# and a CI machine ran out of disk); shared, the tree is a fraction of that and links are quicker.
# The packages and the release preset stay static. The objects compile with the same command line
# either way, so that ccache shares them: no <name>_EXPORTS define, and no second -fPIC where
# Qt::Core already passes one. PLAIN marks a library without Qt, which needs CMake's -fPIC.
function(influence_add_library name)
    cmake_parse_arguments(ARG "PLAIN" "" "" ${ARGN})
    if(NOT INFLUENCE_SHARED_LIBS)
        add_library(${name} STATIC ${ARG_UNPARSED_ARGUMENTS})
        return()
    endif()
    add_library(${name} SHARED ${ARG_UNPARSED_ARGUMENTS})
    set_target_properties(${name} PROPERTIES DEFINE_SYMBOL "")
    if(NOT ARG_PLAIN)
        set_target_properties(${name} PROPERTIES POSITION_INDEPENDENT_CODE OFF)
    endif()
endfunction()
