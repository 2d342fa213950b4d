// renderer.cpp — a Frame to pixels: uploads what changed (map, route), redraws the map image only when it must,
// and draws the layers in order (map image, heat, then, from a draw callback, dot matrix and glyphs).
#include "renderer.hpp"

#include <imgui.h>

namespace bk {

bool Renderer::init(std::string* error) {
    mapVersion_ = routeVersion_ = kNone;
    return ui_.init(error) && map_.init(error) && route_.init(error) && heat_.init(error) && glyphs_.init(error) &&
           density_.init(error) && cache_.init(error);
}

bool Renderer::rebuild(std::string* error) {
    // Old names belong to the lost context: drop them without deleting (that would only warn).
    *this = Renderer{};
    return init(error);
}

void Renderer::destroy() {
    ui_.destroy();
    map_.destroy();
    route_.destroy();
    heat_.destroy();
    glyphs_.destroy();
    density_.destroy();
    cache_.destroy();
    mapVersion_ = routeVersion_ = kNone;
}

void Renderer::draw(const Frame& frame, const ImDrawData& ui, int width, int height) {
    glViewport(0, 0, width, height);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // premultiplied alpha
    drawMap(frame);
    ui_.render(ui, width, height);  // leaves premultiplied blending on
}

void Renderer::drawMap(const Frame& f) {
    // The map image covers the whole screen when there is one; otherwise the paper is cleared first.
    if (!f.map || !cache_.ok()) {
        glClearColor(f.background[0], f.background[1], f.background[2], f.background[3]);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    if (!f.map) return;
    if (f.mapVersion != mapVersion_) {
        map_.upload(*f.map);
        mapVersion_ = f.mapVersion;
        cache_.invalidate();
    }
    if (f.routeShown && f.route && f.routeVersion != routeVersion_) {
        route_.upload(*f.route);
        routeVersion_ = f.routeVersion;
        cache_.invalidate();
    }
    if (f.routeShown != routeShown_) {
        routeShown_ = f.routeShown;
        cache_.invalidate();
    }
    if (cache_.beginRedraw(f.view, f.background)) {
        map_.draw(f.view, f.pxPerMetre);
        if (f.routeShown) route_.draw(f.view, f.pxPerMetre);
        cache_.endRedraw();
    }
    cache_.present();
    if (f.heat && !f.heat->empty()) heat_.draw(f.view, *f.heat, f.heatRadiusUnits);
}

void Renderer::drawGlyphs(const Frame& f) {
    if (!f.glyphs) return;
    glDisable(GL_SCISSOR_TEST);  // (inside ImGui's pass the scissor is on)
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // premultiplied alpha
    if (f.density) {
        density_.update(*f.density);
        density_.draw(int(f.view.viewportH), f.view.night);
    }
    glyphs_.update(*f.glyphs);
    glyphs_.draw(f.view);
}

void Renderer::addGlyphPass(ImDrawList* list, const Frame& frame) {
    pending_ = &frame;
    list->AddCallback([](const ImDrawList*, const ImDrawCmd* cmd) {
        Renderer* self = static_cast<Renderer*>(cmd->UserCallbackData);
        if (self->pending_) self->drawGlyphs(*self->pending_);
    }, this);
    list->AddCallback(ImDrawCallback_ResetRenderState, nullptr);
}

}  // namespace bk
