// renderer.cpp — a Frame to pixels: uploads what changed (map, route), redraws the map image only when it must,
// and draws the layers in order (map image, heat, then, from a draw callback, dot matrix and glyphs).
#include "renderer.hpp"

#include <algorithm>

#include <imgui.h>

namespace bk {

bool Renderer::init(std::string* error) {
    mapVersion_ = kNone;
    bool ok = ui_.init(error) && map_.init(error) && heat_.init(error) && glyphs_.init(error) && density_.init(error);
    for (PaneGl& p : panes_) {
        p.routeVersion = kNone;
        ok = ok && p.route.init(error) && p.cache.init(error);
    }
    return ok;
}

bool Renderer::prepare() {
    const bool parallel = enableParallelShaderCompile();
    ImGuiRenderer::prepare();
    for (int i = 0; i < 1 + kPanes; ++i) MapLayer::prepare();  // the streets, and each pane's route
    for (int i = 0; i < kPanes; ++i) MapCache::prepare();
    HeatmapLayer::prepare();
    GlyphLayer::prepare();
    DensityLayer::prepare();
    return parallel;
}

bool Renderer::rebuild(std::string* error) {
    // Old names belong to the lost context: drop them without deleting (that would only warn).
    forgetPreparedPrograms();
    *this = Renderer{};
    return init(error);
}

void Renderer::destroy() {
    ui_.destroy();
    map_.destroy();
    for (PaneGl& p : panes_) {
        p.route.destroy();
        p.cache.destroy();
        p.routeVersion = kNone;
    }
    heat_.destroy();
    glyphs_.destroy();
    density_.destroy();
    mapVersion_ = kNone;
}

void Renderer::draw(const Frame& frame, const ImDrawData& ui, int width, int height) {
    glViewport(0, 0, width, height);
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // premultiplied alpha
    drawMap(frame);
    glViewport(0, 0, width, height);
    glDisable(GL_SCISSOR_TEST);
    ui_.render(ui, width, height);  // leaves premultiplied blending on
}

void Renderer::usePane(const FramePane& p) {
    const ViewUniforms& v = p.view;
    glViewport(GLint(v.originX), GLint(v.originY), GLsizei(v.viewportW), GLsizei(v.viewportH));
    glEnable(GL_SCISSOR_TEST);
    glScissor(GLint(v.originX), GLint(v.originY), GLsizei(v.viewportW), GLsizei(v.viewportH));
}

void Renderer::drawMap(const Frame& f) {
    // Between two panes (a compare view) the divider is the screen's clear.
    if (f.paneCount > 1 || !f.map) {
        glDisable(GL_SCISSOR_TEST);
        const float* bg = f.panes[0].background;
        glClearColor(bg[0] * 0.8f, bg[1] * 0.8f, bg[2] * 0.8f, 1);
        glClear(GL_COLOR_BUFFER_BIT);
        // Right of side-by-side panes (the legend's column) the screen is the map's paper, not the divider.
        float right = 0;
        for (int p = 0; p < f.paneCount; ++p) right = std::max(right, f.panes[p].view.originX + f.panes[p].view.viewportW);
        if (f.paneCount > 1 && right + 1 < f.screenW) {
            glEnable(GL_SCISSOR_TEST);
            glScissor(GLint(right), 0, GLsizei(f.screenW - right), GLsizei(f.screenH));
            glClearColor(bg[0], bg[1], bg[2], 1);
            glClear(GL_COLOR_BUFFER_BIT);
            glDisable(GL_SCISSOR_TEST);
        }
    }
    bool mapChanged = false;
    if (f.map && f.mapVersion != mapVersion_) {
        map_.upload(*f.map);
        mapVersion_ = f.mapVersion;
        mapChanged = true;
    }
    for (int p = 0; p < f.paneCount; ++p) drawPaneMap(f, p, mapChanged);
    glDisable(GL_SCISSOR_TEST);
}

void Renderer::drawPaneMap(const Frame& f, int p, bool mapChanged) {
    const FramePane& pane = f.panes[p];
    PaneGl& gl = panes_[p];
    usePane(pane);
    // The map image covers the whole pane when there is one; otherwise the paper is cleared first.
    if (!f.map || !gl.cache.ok()) {
        glClearColor(pane.background[0], pane.background[1], pane.background[2], pane.background[3]);
        glClear(GL_COLOR_BUFFER_BIT);
    }
    if (!f.map) return;
    if (mapChanged) gl.cache.invalidate();
    if (pane.routeShown && pane.route && pane.routeVersion != gl.routeVersion) {
        gl.route.upload(*pane.route);
        gl.routeVersion = pane.routeVersion;
        gl.cache.invalidate();
    }
    if (pane.routeShown != gl.routeShown) {
        gl.routeShown = pane.routeShown;
        gl.cache.invalidate();
    }
    if (gl.cache.ok()) glDisable(GL_SCISSOR_TEST);  // the image is drawn whole, in its own framebuffer
    if (gl.cache.beginRedraw(pane.view, pane.background)) {
        map_.draw(pane.view, f.pxPerMetre);
        if (pane.routeShown) gl.route.draw(pane.view, f.pxPerMetre);
        gl.cache.endRedraw();
    }
    usePane(pane);  // the image's own viewport was the pane's size at the origin
    gl.cache.present(int(pane.view.originX), int(pane.view.originY));
    if (pane.heat && !pane.heat->empty()) heat_.draw(pane.view, *pane.heat, pane.heatRadiusUnits);
}

void Renderer::drawGlyphs(const Frame& f) {
    glEnable(GL_BLEND);
    glBlendFunc(GL_ONE, GL_ONE_MINUS_SRC_ALPHA);  // premultiplied alpha
    for (int p = 0; p < f.paneCount; ++p) {
        const FramePane& pane = f.panes[p];
        if (!pane.glyphs) continue;
        usePane(pane);  // (inside ImGui's pass the scissor was the panels')
        if (pane.density) {
            density_.update(*pane.density);
            density_.draw(int(pane.view.viewportH), pane.view.night, pane.view.originX, pane.view.originY);
        }
        glyphs_.update(*pane.glyphs);
        glyphs_.draw(pane.view);
    }
    glDisable(GL_SCISSOR_TEST);
    glViewport(0, 0, GLsizei(f.screenW), GLsizei(f.screenH));
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
