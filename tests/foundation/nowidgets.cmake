# SPDX-License-Identifier: BSD-3-Clause
# Asserts that app/ (glc_core) cannot use QtWidgets: each probe must fail to compile for that very
# reason (not some other error), and glc_core's link libraries must not name Widgets or Gui.
file(READ ${LINKS_FILE} links)
if(links MATCHES "Widgets|Qt6::Gui|Qt6Gui")
    message(FATAL_ERROR "glc_core links a GUI library: ${links}")
endif()
foreach(probe IN LISTS PROBES)
    execute_process(COMMAND ${CMAKE_COMMAND} --build ${BUILD_DIR} --target ${probe}
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(rc EQUAL 0)
        message(FATAL_ERROR "${probe} compiled: a QtWidgets header is reachable from app/")
    endif()
    if(NOT "${out}${err}" MATCHES "widget-free core library|QWidget: No such file")
        message(FATAL_ERROR "${probe} failed for another reason:\n${out}${err}")
    endif()
    message(STATUS "${probe}: refused as expected")
endforeach()
