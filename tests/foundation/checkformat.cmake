# SPDX-License-Identifier: BSD-3-Clause
# Fails when any C++ source differs from what .clang-format produces.
file(GLOB_RECURSE sources LIST_DIRECTORIES false
     ${SOURCE_DIR}/app/*.cpp ${SOURCE_DIR}/app/*.h
     ${SOURCE_DIR}/ui/*.cpp ${SOURCE_DIR}/ui/*.h
     ${SOURCE_DIR}/tests/*.cpp ${SOURCE_DIR}/tests/*.h)
list(FILTER sources EXCLUDE REGEX "/app/nowidgets/")
execute_process(COMMAND ${CLANG_FORMAT} --dry-run --Werror ${sources}
                RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "Unformatted sources (fix with: clang-format -i FILE):\n${err}")
endif()
list(LENGTH sources count)
message(STATUS "${count} sources formatted")
