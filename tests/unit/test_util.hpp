// test_util.hpp — small helpers shared by the unit tests (reading repo files).
#pragma once

#include <fstream>
#include <sstream>
#include <string>

inline std::string readRepoFile(const std::string& relative) {
    std::ifstream in(std::string(BUKCHON_SOURCE_DIR) + "/" + relative, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}
