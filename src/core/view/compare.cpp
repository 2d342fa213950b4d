// compare.cpp — the names of a comparison's kinds (view_state.hpp), as the state JSON and the URL write them.
#include "view_state.hpp"

namespace bk {

const char* compareByName(CompareBy by) {
    switch (by) {
        case CompareBy::time: return "time";
        case CompareBy::policy: return "policy";
        case CompareBy::off: break;
    }
    return "off";
}

}  // namespace bk
