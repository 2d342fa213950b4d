// viewer_commands.cpp — the command table's viewer commands (src/core/embed/commands.hpp), applied: arguments
// arrive checked and normalized, and each becomes intents or a setting. Page commands are not run here.
#include "viewer.hpp"

#include "param_rules.hpp"

#include <cmath>

namespace bk {

bool Viewer::run(const CheckedCommand& c) {
    if (!c.ok() || c.spec->runner != CommandRunner::viewer) return false;
    const std::string name = c.spec->name;
    const CommandJson& a = c.args;
    auto number = [&](size_t i) { return a[i].get<double>(); };
    auto text = [&](size_t i) { return a[i].is_string() ? a[i].get<std::string>() : std::string(); };
    if (name == "play") push(Intent::of(Intent::play));
    else if (name == "pause") push(Intent::of(Intent::pause));
    else if (name == "togglePlay") push(Intent::of(Intent::togglePlay));
    else if (name == "seek") push(Intent::number(Intent::seek, number(0)));
    else if (name == "seekBy") push(Intent::number(Intent::seekBy, number(0)));
    else if (name == "setSpeed") push(Intent::number(Intent::setSpeed, number(0)));
    else if (name == "speedStep") push(Intent::number(Intent::speedStep, number(0)));
    else if (name == "setLoop") push(Intent::number(Intent::setLoop, a[0].get<bool>() ? 1 : 0));
    else if (name == "toggleLoop") push(Intent::of(Intent::toggleLoop));
    else if (name == "setLayers") {
        uint32_t mask = 0;
        for (const CommandJson& n : a[0]) mask |= 1u << rules::layerBit(n.get<std::string>());
        push(Intent::number(Intent::setLayers, mask));
    } else if (name == "toggleLayer") push(Intent::number(Intent::toggleLayer, rules::layerBit(text(0))));
    else if (name == "select") push(Intent::named(Intent::select, text(0)));
    else if (name == "flyTo") {
        Intent i = Intent::at(Intent::setView, number(0), number(1), number(2));
        if (a[3].value("animate", true)) i.text = "animate";
        push(std::move(i));
    } else if (name == "resetView") push(Intent::of(Intent::resetView));
    else if (name == "zoomBy") push(Intent::at(Intent::zoomBy, 0, 0, number(0)));
    else if (name == "nextEvent") push(Intent::number(Intent::focusNextEvent, number(0)));
    else if (name == "focusEvent") push(Intent::number(Intent::focusEvent, number(0)));
    else if (name == "selectNext") push(Intent::number(Intent::selectNext, number(0)));
    else if (name == "setUi") setUiMode(parseUiMode(text(0)).value_or(UiMode::full));
    else if (name == "setPalette") {
        palette_ = text(0);
        setColourBlindSafe(palette_ == "colourblind");  // glyph and band colours, in the core and the panels
        restyle();  // the colours of named levels
    }
    else if (name == "setMetric") push(Intent::named(Intent::setMetric, text(0)));
    else if (name == "compare") {
        const CommandJson& spec = a[0];
        const std::string by = spec.value("by", "off");
        Intent i = Intent::number(Intent::setCompare, by == "time" ? 1 : by == "policy" ? 2 : 0);
        i.y = spec.contains("t2") ? spec["t2"].get<double>() : NAN;
        i.z = spec.contains("offsetMs") ? spec["offsetMs"].get<double>() : NAN;
        push(std::move(i));
    } else if (name == "showPane") push(Intent::number(Intent::showPane, number(0)));
    else if (name == "setFilter") push(Intent::named(Intent::setFilter, text(0)));
    else if (name == "setEventRules") push(Intent::named(Intent::setEventRules, text(0)));
    else if (name == "setDetail") setDetailLimit(text(0) == "glyphs" ? 0 : kDefaultDetailLimit);
    else if (name == "setOverlays") {
        const CommandJson& o = a[0];
        setOverlays({o.value("toolbar", false), o.value("caption", false), o.value("editor", false),
                     float(o.value("toolbarWidth", 0.0))});
    } else if (name == "setLimits") setMaxFileBytes(a[0]["maxFileBytes"].get<double>());
    else return false;
    return true;
}

}  // namespace bk
