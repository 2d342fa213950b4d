// manifest.hpp — a dataset manifest (docs/formats.md, "Manifest"): which files make a dataset, as URLs relative to
// the manifest: {"map"?, "sensors", "recording"} or {"map"?, "readings", "sites"?} (logs to import).
#pragma once

#include "load_error.hpp"

#include <map>
#include <string>
#include <string_view>

namespace bk {

// kind → URL as written. Unknown keys are ignored (a manifest may carry a title or notes); a known key whose value is
// not a string, a file that is not JSON or not an object, or one naming no file, is a LoadError with its line.
Result<std::map<std::string, std::string>> parseManifest(std::string_view text, const std::string& fileName);

}  // namespace bk
