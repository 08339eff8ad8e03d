# Installs the executable, the library, its public headers and an exported CMake package,
# so that another project can find_package(paperbag) and link paperbag::paperbag.
include(CMakePackageConfigHelpers)

install(TARGETS paperbag_lib paperbag_deposit paperbag
        EXPORT paperbagTargets
        RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR}
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY include/paperbag DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(DIRECTORY xsd/ DESTINATION ${CMAKE_INSTALL_DATADIR}/paperbag/xsd)

set(config_dir ${CMAKE_INSTALL_LIBDIR}/cmake/paperbag)
install(EXPORT paperbagTargets NAMESPACE paperbag:: DESTINATION ${config_dir})
configure_package_config_file(cmake/paperbagConfig.cmake.in
                              ${CMAKE_CURRENT_BINARY_DIR}/paperbagConfig.cmake
                              INSTALL_DESTINATION ${config_dir})
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/paperbagConfigVersion.cmake
                                 COMPATIBILITY SameMinorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/paperbagConfig.cmake
              ${CMAKE_CURRENT_BINARY_DIR}/paperbagConfigVersion.cmake
        DESTINATION ${config_dir})
