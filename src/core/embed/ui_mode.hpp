// ui_mode.hpp — how much chrome the viewer draws (full, minimal, none): the one list of the modes and their names.
#pragma once

#include <optional>
#include <string_view>

namespace bk {

enum class UiMode { full = 0, minimal = 1, none = 2 };

inline const char* uiModeName(UiMode mode) {
    return mode == UiMode::minimal ? "minimal" : mode == UiMode::none ? "none" : "full";
}

inline std::optional<UiMode> parseUiMode(std::string_view name) {
    for (UiMode m : {UiMode::full, UiMode::minimal, UiMode::none})
        if (name == uiModeName(m)) return m;
    return std::nullopt;
}

}  // namespace bk
