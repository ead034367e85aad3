# SPDX-License-Identifier: BSD-3-Clause
# Installs into a fresh prefix and checks that the result is a working, valid installation.
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD_DIR} --prefix ${PREFIX}
                RESULT_VARIABLE rc OUTPUT_QUIET ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "cmake --install failed: ${err}")
endif()
set(id org.ghelicenseconsole.Console)
foreach(f ${BINDIR}/ghe-license-console
          ${DATADIR}/locale/zh_CN/LC_MESSAGES/ghe-license-console.mo
          ${DATADIR}/applications/${id}.desktop
          ${DATADIR}/metainfo/${id}.metainfo.xml
          ${DATADIR}/icons/hicolor/scalable/apps/${id}.svg)
    if(NOT EXISTS ${PREFIX}/${f})
        message(FATAL_ERROR "missing from the installed tree: ${f}")
    endif()
endforeach()
if(NOT APPSTREAMCLI)
    message(FATAL_ERROR "appstreamcli is required to validate the metainfo")
endif()
execute_process(COMMAND ${APPSTREAMCLI} validate --no-net --pedantic ${PREFIX}/${DATADIR}/metainfo/${id}.metainfo.xml
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
    message(FATAL_ERROR "appstreamcli rejected the metainfo:\n${out}${err}")
endif()
if(DESKTOP_FILE_VALIDATE)
    execute_process(COMMAND ${DESKTOP_FILE_VALIDATE} ${PREFIX}/${DATADIR}/applications/${id}.desktop
                    RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
    if(NOT rc EQUAL 0 OR NOT "${out}${err}" STREQUAL "")
        message(FATAL_ERROR "desktop-file-validate: ${out}${err}")
    endif()
endif()
# The installed binary finds the installed catalog (not the build tree's).
set(ENV{XDG_DATA_DIRS} ${PREFIX}/${DATADIR}:/usr/share)
set(ENV{LANG} zh_CN.UTF-8)
set(ENV{LANGUAGE} zh_CN)
execute_process(COMMAND ${PREFIX}/${BINDIR}/ghe-license-console --self-test
                RESULT_VARIABLE rc OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT rc EQUAL 0 OR NOT out MATCHES "title: GHE 许可证控制台")
    message(FATAL_ERROR "installed console did not start in Chinese (rc ${rc}):\n${out}${err}")
endif()
message(STATUS "installed tree valid: ${PREFIX}")
