# paperbag_embed(OUT_VAR NAMESPACE ns FILES a.xsd b.xsd): generates a C++ source that
# holds each file's bytes, so built-in schemas work with zero configuration.
function(paperbag_embed out_var)
  cmake_parse_arguments(EMB "" "NAMESPACE;NAME" "FILES" ${ARGN})
  set(generated "${CMAKE_CURRENT_BINARY_DIR}/${EMB_NAME}.cpp")
  add_custom_command(
    OUTPUT "${generated}"
    COMMAND ${CMAKE_COMMAND} -DOUT=${generated} -DNS=${EMB_NAMESPACE}
            "-DFILES=${EMB_FILES}" -P "${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake"
    DEPENDS ${EMB_FILES} "${PROJECT_SOURCE_DIR}/cmake/EmbedScript.cmake"
    COMMENT "Embedding ${EMB_NAME}"
    VERBATIM)
  set(${out_var} "${generated}" PARENT_SCOPE)
endfunction()
