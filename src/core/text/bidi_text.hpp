// bidi_text.hpp — right-to-left names (Hebrew, Arabic, Persian, Urdu) made drawable by a left-to-right text renderer.
//
// ImGui draws code points left to right, one glyph each. A name such as "تل أبيب" or "שוק הכרמל 12" must be put in
// visual order (the Unicode bidirectional algorithm, reduced to one line with no explicit embeddings) and Arabic
// letters must take their joined forms (presentation forms, lam-alef ligatures). Text with no right-to-left
// letter comes back unchanged. Data, the API and the page's DOM keep the logical text; only ImGui gets this.
#pragma once

#include <string>
#include <string_view>

namespace bk {

// Whether `utf8` holds a Hebrew or Arabic letter (a cheap byte scan; false for almost every name).
bool hasRightToLeft(std::string_view utf8);

// The line in visual (left-to-right drawing) order, Arabic letters shaped. The paragraph direction is that of
// the first strong letter; numbers keep their digit order; brackets mirror in right-to-left runs; Arabic
// vowel marks (harakat) are dropped (they would need mark positioning the renderer does not have).
std::string visualOrder(std::string_view utf8);

}  // namespace bk
